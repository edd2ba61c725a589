#pragma once

#include "core/ActionCatalog.h"

#include <QElapsedTimer>
#include <QMutex>

#include <memory>

namespace mandate::server {

class Store;

// This instance's copy of the action catalog: the built-in actions and those admins registered,
// read from the store. Another instance may register an action at any time, so a name this copy
// lacks makes it read the store again (at most once a second) before anyone is refused. Shared by
// the event loop and the store thread; a catalog handed out never changes.
class ActionDirectory
{
public:
    std::shared_ptr<const ActionCatalog> current() const;
    // Reads the registered actions from the store; false when the store failed.
    bool reload(Store &store);
    // The catalog, read again first when it lacks one of `names`.
    std::shared_ptr<const ActionCatalog> knowing(Store &reader, const QStringList &names);

private:
    mutable QMutex m_mutex;
    std::shared_ptr<const ActionCatalog> m_catalog = std::make_shared<const ActionCatalog>();
    QElapsedTimer m_sinceReload;
};

} // namespace mandate::server
