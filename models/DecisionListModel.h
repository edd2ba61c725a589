#pragma once

#include "client/MandateApi.h"
#include "models/DecisionRepeat.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace mandate {
class Clock;
}

namespace mandate::models {

// The latest decisions made under one delegation (its decision.made audit events), newest first.
class DecisionListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        WhenColumn,
        DecisionColumn,
        RequestColumn,
        ColumnCount
    };
    static constexpr int Latest = 10;
    enum Role
    {
        DecisionIdRole = Qt::UserRole + 1, // dec_…, for the decision's receipt
    };

    DecisionListModel(client::MandateApi &api, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int repeatsAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row].count : 0; }
    // With `approvalId`, only the decisions that created or used that approval.
    void load(const QString &delegationId, const QString &approvalId = {});
    void clear();
    bool hasLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loaded();

private:
    // Identical decisions in a row (an agent polling while a step-up waits) are one row with a
    // count and the span they cover; each is still in the audit trail.
    struct Row
    {
        QString decisionId;
        QDateTime at; // the newest of the run
        QDateTime firstAt;
        int count = 1;
        QString decision; // allow, deny, step_up_required, dual_control_required
        QString reason;
        QString request;
        std::optional<DecisionRepeat> repeat;
    };
    void onEvents(const QList<AuditEvent> &events, const QString &delegationId, const QString &approvalId);

    client::MandateApi &m_api;
    const Clock &m_clock;
    QString m_delegationId;
    QList<Row> m_rows;
    client::Reply<client::Page<AuditEvent>> m_reply;
    bool m_loaded = false;
};

} // namespace mandate::models
