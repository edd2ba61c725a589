#pragma once

#include "client/MandateApi.h"
#include "core/AuditEvent.h"
#include "models/PagedListModel.h"

namespace mandate::models {

// The audit timeline in the order it was written (ascending seq), paged from the server as the view
// scrolls, under the filters an investigator sets (delegation, agent, customer, event type).
class AuditListModel : public PagedListModel<AuditEvent>
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

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const client::AuditFilter &filter);
    // Asks for the events after the last one shown and appends them: the timeline follows the
    // log without a reload that would lose the reader's place. Nothing while pages are loading.
    void followTail();
    // The first event Verify found broken: its row says so (✘ and a tooltip), not by colour alone.
    void setBrokenSeq(qint64 seq);
    qint64 brokenSeq() const { return m_brokenSeq; }
    const client::AuditFilter &filter() const { return m_filter; }
    const AuditEvent *eventAt(int row) const { return itemAt(row); }

private:
    client::Reply<client::Page<AuditEvent>> requestItems(const QString &cursor) override;
    QString idOf(const AuditEvent &event) const override { return QString::number(event.seq); }

    client::MandateApi &m_api;
    client::AuditFilter m_filter;
    quint64 m_filterGeneration = 0;
    bool m_following = false;
    qint64 m_brokenSeq = 0;
};

} // namespace mandate::models
