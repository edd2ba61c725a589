#include "server/domain/AuthorityReach.h"

#include <QJsonObject>

#include <algorithm>

namespace mandate::server {

void AuthorityReach::add(const QString &action, const QString &resource, const QString &delegationId,
                         int depth, const DecisionForecast &left)
{
    Sum &sum = m_sums[action + u' ' + resource];
    if (left.remainingTotal) {
        const QString currency = left.remainingTotal->currency();
        plant(sum.totals[currency], left.links,
              [&currency](const DecisionForecast::Link &link) -> std::optional<qint64> {
                  if (link.remainingTotal && link.remainingTotal->currency() == currency)
                      return link.remainingTotal->amountMinor();
                  return std::nullopt;
              });
    } else {
        sum.unlimitedValue = true;
    }
    if (left.remainingUses)
        plant(sum.uses, left.links, [](const DecisionForecast::Link &link) { return link.remainingUses; });
    else
        sum.unlimitedUses = true;
    if (!sum.delegations.contains(delegationId))
        sum.delegations.append(delegationId);
    sum.maxDepth = std::max(sum.maxDepth, depth);
}

void AuthorityReach::plant(Forest &forest, const QList<DecisionForecast::Link> &links,
                           const std::function<std::optional<qint64>(const DecisionForecast::Link &)> &own)
{
    for (qsizetype i = 0; i < links.size(); ++i) {
        const DecisionForecast::Link &link = links.at(i);
        Node &node = forest[link.delegationId + u'#' + QString::number(link.scopeIndex)];
        node.own = own(link);
        if (i == 0)
            node.held = true;
        if (i + 1 < links.size()) {
            const DecisionForecast::Link &up = links.at(i + 1);
            node.parent = up.delegationId + u'#' + QString::number(up.scopeIndex);
        }
    }
}

std::optional<qint64> AuthorityReach::most(const Forest &forest)
{
    QHash<QString, QStringList> children;
    QStringList roots;
    for (auto it = forest.cbegin(); it != forest.cend(); ++it) {
        if (it->parent.isEmpty())
            roots.append(it.key());
        else
            children[it->parent].append(it.key());
    }
    // Chains are short (depth is capped), so plain recursion is fine.
    const std::function<std::optional<qint64>(const QString &)> through =
        [&](const QString &id) -> std::optional<qint64> {
        const Node &node = forest.value(id);
        // Whatever goes through its descendants is charged to it too: its own remainder is all.
        if (node.held)
            return node.own;
        std::optional<qint64> below = 0;
        for (const QString &child : children.value(id)) {
            const std::optional<qint64> flow = through(child);
            below = below && flow ? std::optional<qint64>(*below + *flow) : std::nullopt;
        }
        if (!node.own)
            return below;
        return below ? std::min(*node.own, *below) : *node.own;
    };
    std::optional<qint64> total = 0;
    for (const QString &root : std::as_const(roots)) {
        const std::optional<qint64> flow = through(root);
        total = total && flow ? std::optional<qint64>(*total + *flow) : std::nullopt;
    }
    return total;
}

QJsonArray AuthorityReach::toJson() const
{
    QJsonArray sums;
    for (auto it = m_sums.cbegin(); it != m_sums.cend(); ++it) {
        const qsizetype space = it.key().indexOf(u' ');
        QJsonArray totals;
        bool unlimitedValue = it->unlimitedValue;
        for (auto total = it->totals.cbegin(); total != it->totals.cend(); ++total) {
            const std::optional<qint64> amount = most(total.value());
            if (!amount)
                unlimitedValue = true;
            totals.append(QJsonObject{{QStringLiteral("amount_minor"), amount.value_or(0)},
                                      {QStringLiteral("currency"), total.key()}});
        }
        const std::optional<qint64> uses = it->unlimitedUses ? std::nullopt : most(it->uses);
        sums.append(QJsonObject{
            {QStringLiteral("action"), it.key().left(space)},
            {QStringLiteral("resource"), it.key().mid(space + 1)},
            {QStringLiteral("remaining_total"),
             unlimitedValue ? QJsonValue(QJsonValue::Null) : QJsonValue(totals)},
            {QStringLiteral("remaining_uses"), uses ? QJsonValue(*uses) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("delegations"), QJsonArray::fromStringList(it->delegations)},
            {QStringLiteral("max_depth"), it->maxDepth},
        });
    }
    return sums;
}

} // namespace mandate::server
