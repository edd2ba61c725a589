#include "server/domain/DelegationTree.h"

#include "server/store/Store.h"

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
