#include "server/domain/ActionDirectory.h"

#include "server/store/Store.h"

#include <QMutexLocker>

namespace mandate::server {

namespace {

constexpr qint64 MinReloadIntervalMs = 1000;

} // namespace

std::shared_ptr<const ActionCatalog> ActionDirectory::current() const
{
    const QMutexLocker lock(&m_mutex);
    return m_catalog;
}

bool ActionDirectory::reload(Store &store)
{
    const std::optional<QList<ActionDefinition>> registered = store.actions().list();
    if (!registered)
        return false;
    auto catalog = std::make_shared<ActionCatalog>();
    for (const ActionDefinition &action : *registered)
        catalog->add(action);
    const QMutexLocker lock(&m_mutex);
    m_catalog = std::move(catalog);
    m_sinceReload.start();
    return true;
}

std::shared_ptr<const ActionCatalog> ActionDirectory::knowing(Store &reader, const QStringList &names)
{
    std::shared_ptr<const ActionCatalog> catalog = current();
    const bool complete = std::all_of(names.cbegin(), names.cend(),
                                      [&](const QString &name) { return catalog->contains(name); });
    if (complete)
        return catalog;
    {
        const QMutexLocker lock(&m_mutex);
        if (m_sinceReload.isValid() && m_sinceReload.elapsed() < MinReloadIntervalMs)
            return catalog;
    }
    reload(reader);
    return current();
}

} // namespace mandate::server
