#pragma once

#include "client/MandateApi.h"
#include "core/AuditEvent.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace mandate::models {

// The audit timeline in the order it was written (ascending seq), paged from the server as the view
// scrolls, under the filters an investigator sets (delegation, agent, customer, event type).
class AuditListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeqColumn,
        TimeColumn,
        TypeColumn,
        ActorColumn,
        SummaryColumn,
        DelegationColumn,
        ColumnCount
    };
    enum Role
    {
        SeqRole = Qt::UserRole,
        DetailsRole,
        DelegationIdRole,
    };

    explicit AuditListModel(client::MandateApi &api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setFilter(const client::AuditFilter &filter);
    const client::AuditFilter &filter() const { return m_filter; }
    const AuditEvent *eventAt(int row) const;
    bool isLoading() const { return !m_pending.isNull(); }

Q_SIGNALS:
    void pageLoaded(int rowsNow);
    void loadFailed(const mandate::client::ApiError &error);

private:
    void fetchPage(qint64 afterSeq);

    client::MandateApi &m_api;
    client::AuditFilter m_filter;
    QList<AuditEvent> m_rows;
    qint64 m_nextAfter = 0;
    bool m_exhausted = true;
    bool m_replaceOnNextPage = false;
    quint64 m_generation = 0;
    QPointer<client::ApiJob> m_pending;
};

} // namespace mandate::models
