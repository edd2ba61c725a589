#include "server/write/StoreThread.h"

#include "server/store/Store.h"

namespace mandate::server {

StoreThread::StoreThread()
{
    m_thread.setObjectName(QStringLiteral("mandate-store"));
    m_context.moveToThread(&m_thread);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    QMetaObject::invokeMethod(
        &m_context, [this] { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool StoreThread::openSqlite(const QString &dataDir, QString *error)
{
    return open(QString(), dataDir, error);
}

bool StoreThread::open(const QString &database, const QString &dataDir, QString *error)
{
    QMetaObject::invokeMethod(
        &m_context,
        [this, &database, &dataDir, error] {
            m_store = Store::open(database, dataDir, error);
            if (m_store)
                m_store->db().deferCheckpoints();
        },
        Qt::BlockingQueuedConnection);
    return m_store != nullptr;
}

void StoreThread::post(std::function<void(Store &)> work)
{
    QMetaObject::invokeMethod(
        &m_context, [this, work = std::move(work)] { work(*m_store); }, Qt::QueuedConnection);
}

} // namespace mandate::server
