#pragma once

#include "server/store/DelegationRepository.h"

#include <QString>
#include <QtGlobal>

namespace mandate::server {

class Store;

// One piece of work inside a write transaction, undone on its own: a savepoint for its rows, and
// marks in what the store holds for the commit (live events, audit events, recorded usage).
// Dropping it rolls all of them back, so no stream ever hears of a change the database did not
// keep (nor, on SQLite, of one whose id the next insert reuses).
class WriteScope
{
public:
    WriteScope(Store &store, QString name);

    bool isOpen() const { return m_open; }
    // Keeps the work's changes for the transaction's commit.
    bool keep();
    // Rolls the work's changes and its live events back.
    bool drop();

private:
    Store &m_store;
    QString m_name;
    qsizetype m_outboxMark = 0;
    qsizetype m_heldMark = 0;
    DelegationRepository::UsageMark m_usageMark;
    bool m_open = false;
};

} // namespace mandate::server
