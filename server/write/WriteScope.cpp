#include "server/write/WriteScope.h"

#include "server/store/Store.h"

namespace mandate::server {

WriteScope::WriteScope(Store &store, QString name)
    : m_store(store)
    , m_name(std::move(name))
    , m_outboxMark(store.outboxMark())
    , m_heldMark(store.log().heldMark())
    , m_usageMark(store.delegations().usageMark())
    , m_open(store.db().savepoint(m_name))
{}

bool WriteScope::keep()
{
    return m_open && m_store.db().releaseSavepoint(m_name);
}

bool WriteScope::drop()
{
    m_store.rollbackOutbox(m_outboxMark);
    m_store.log().rollbackHeld(m_heldMark);
    m_store.delegations().rollbackUsage(m_usageMark);
    return m_open && m_store.db().rollbackToSavepoint(m_name);
}

} // namespace mandate::server
