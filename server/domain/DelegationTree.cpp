#include "server/domain/DelegationTree.h"

#include "server/store/Store.h"

#include <QStringList>

namespace mandate::server {

std::optional<DelegationTree> DelegationTree::load(Store &store, const QString &id)
{
    auto delegation = store.delegations().find(id);
    if (!delegation)
        return std::nullopt;
    DelegationTree tree{std::move(*delegation), {}};
    std::optional<QString> parent = tree.delegation.parentId;
    // Depth is bounded by attenuation (≤ 3); the bound here only guards against a corrupt cycle.
    while (parent && tree.ancestors.size() < 16) {
        auto ancestor = store.delegations().find(*parent);
        if (!ancestor)
            return std::nullopt;
        parent = ancestor->parentId;
        tree.ancestors.append(std::move(*ancestor));
    }
    return tree;
}

std::optional<DelegationTree> DelegationTree::lockAndLoad(Store &store, const QString &id)
{
    std::optional<DelegationTree> tree = load(store, id);
    if (!tree || !store.db().locksRows())
        return tree;
    // A chain never changes shape (parent_id is written once), so the unlocked read names the
    // rows to lock; their contents are read again once they are held.
    QStringList rootFirst;
    rootFirst.reserve(tree->ancestors.size() + 1);
    for (auto it = tree->ancestors.crbegin(); it != tree->ancestors.crend(); ++it)
        rootFirst.append(it->id);
    rootFirst.append(tree->delegation.id);
    if (!store.delegations().lockChain(rootFirst))
        return std::nullopt;
    return load(store, id);
}

QList<const Delegation *> DelegationTree::ancestorPointers() const
{
    QList<const Delegation *> pointers;
    for (const Delegation &ancestor : ancestors)
        pointers.append(&ancestor);
    return pointers;
}

bool DelegationTree::isUsable(const QDateTime &now) const
{
    const auto usable = [&now](const Delegation &d) {
        return d.isLiveAt(now);
    };
    return usable(delegation) && std::all_of(ancestors.cbegin(), ancestors.cend(), usable);
}

} // namespace mandate::server
