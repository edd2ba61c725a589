#pragma once

#include "core/Delegation.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace mandate::server {

class Store;

// A delegation with its ancestors (nearest parent first), as the decision engine, credential
// issuance and introspection need it.
struct DelegationTree
{
    Delegation delegation;
    QList<Delegation> ancestors;

    static std::optional<DelegationTree> load(Store &store, const QString &id);
    // load(), with the chain's rows locked root first until the write transaction ends, for a
    // write that changes them (where writers lock rows; elsewhere the same as load()).
    static std::optional<DelegationTree> lockAndLoad(Store &store, const QString &id);

    QList<const Delegation *> ancestorPointers() const;
    // Is every link active and unexpired now? (credentials live only while this holds)
    bool isUsable(const QDateTime &now) const;
    int depth() const { return static_cast<int>(ancestors.size()) + 1; }
};

} // namespace mandate::server
