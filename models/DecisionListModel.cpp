#include "models/DecisionListModel.h"

#include "client/AuditFacts.h"
#include "core/Clock.h"
#include "models/ApprovalFormatter.h"
#include "models/AuditFormatter.h"
#include "models/DecisionRepeat.h"
#include "models/DelegationFormatter.h"

#include <QLocale>

namespace mandate::models {

namespace {

QString decisionText(const QString &decision, const QString &reason)
{
    if (decision == QLatin1String("allow"))
        return DecisionListModel::tr("Allowed");
    // The organisation's rules, not the customer's own limits: say whose "no" it was.
    if (decision == QLatin1String("deny") && reason == QLatin1String("org_policy_denied"))
        return DecisionListModel::tr("Denied by your organisation's policy");
    if (decision == QLatin1String("deny") && reason == QLatin1String("org_policy_unavailable"))
        return DecisionListModel::tr("Denied: your organisation's policy engine could not be asked");
    if (decision == QLatin1String("deny"))
        return DecisionListModel::tr("Denied");
    if (decision == QLatin1String("step_up_required"))
        return DecisionListModel::tr("Step-up requested");
    if (decision == QLatin1String("dual_control_required"))
        return DecisionListModel::tr("Dual control requested");
    return decision;
}

} // namespace

DecisionListModel::DecisionListModel(client::MandateApi &api, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
    , m_clock(clock)
{}

int DecisionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DecisionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DecisionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    if (role == DecisionIdRole)
        return row.decisionId;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case WhenColumn:
            return DelegationFormatter::relativeTime(row.at, m_clock.now());
        case DecisionColumn:
            return row.count > 1 ? tr("%1 ×%2").arg(decisionText(row.decision, row.reason)).arg(row.count)
                                 : decisionText(row.decision, row.reason);
        case RequestColumn:
            return row.request;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (row.count > 1)
            return tr("%1 identical decisions from %2 to %3")
                .arg(row.count)
                .arg(QLocale().toString(row.firstAt.toLocalTime(), QLocale::ShortFormat),
                     QLocale().toString(row.at.toLocalTime(), QLocale::ShortFormat));
        if (index.column() == WhenColumn)
            return QLocale().toString(row.at.toLocalTime(), QLocale::LongFormat);
        const std::optional<ReasonCode> code = reasonCodeFromString(row.reason);
        return code ? ApprovalFormatter::reasonText(*code) : row.reason;
    }
    return {};
}

QVariant DecisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case DecisionColumn:
        return tr("Decision");
    case RequestColumn:
        return tr("Request");
    default:
        return {};
    }
}

void DecisionListModel::clear()
{
    m_reply.abort();
    m_delegationId.clear();
    m_loaded = false;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void DecisionListModel::load(const QString &delegationId, const QString &approvalId)
{
    m_reply.abort();
    m_delegationId = delegationId;
    client::AuditFilter filter;
    filter.delegationId = delegationId;
    filter.type = QStringLiteral("decision.made");
    m_reply = m_api.audit(filter, {}, 500);
    m_reply.onSucceeded(this, [this, delegationId, approvalId](const client::Page<AuditEvent> &page) {
        onEvents(page.items, delegationId, approvalId);
    });
}

void DecisionListModel::onEvents(const QList<AuditEvent> &events, const QString &delegationId,
                                 const QString &approvalId)
{
    if (delegationId != m_delegationId)
        return;
    QList<Row> rows;
    for (qsizetype i = events.size() - 1; i >= 0 && rows.size() < Latest; --i) {
        const client::AuditFacts facts = client::AuditFacts::of(events[i]);
        if (!approvalId.isEmpty() && facts.approvalId != approvalId)
            continue;
        const std::optional<DecisionRepeat> repeat = DecisionRepeat::of(events[i]);
        if (!rows.isEmpty() && rows.last().repeat == repeat) {
            rows.last().firstAt = events[i].at;
            ++rows.last().count;
            continue;
        }
        const QString request = facts.request ? AuditFormatter::requestText(*facts.request) : QString();
        rows.append(
            {facts.decisionId, events[i].at, events[i].at, 1, facts.decision, facts.reason, request, repeat});
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_loaded = true;
    endResetModel();
    Q_EMIT loaded();
}

} // namespace mandate::models
