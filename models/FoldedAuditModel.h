#pragma once

#include "models/DecisionRepeat.h"

#include <QAbstractProxyModel>
#include <QList>

#include <optional>

namespace mandate::models {

class AuditListModel;

// The audit timeline as the Audit page shows it: a run of identical decisions in a row (an agent
// polling while a step-up waits, see DecisionRepeat) is one row that says how many and the span
// they cover. The source keeps every event: paging, Verify and the export work on all of them.
// A folded row stands for its newest event (its proof, its details); the event Verify found broken
// always stands alone, so it can be selected and marked.
class FoldedAuditModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    enum Role
    {
        RepeatCountRole = Qt::UserRole + 100, // how many events the row stands for
    };

    explicit FoldedAuditModel(AuditListModel &source, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The newest event of the row (the one it stands for).
    const AuditEvent *eventAt(int row) const;
    int repeatsAt(int row) const;
    // The row that shows the event with `seq`; -1 when it is not loaded.
    int rowOfSeq(qint64 seq) const;

private:
    struct Run
    {
        int first = 0; // source rows, oldest to newest
        int last = 0;
        std::optional<DecisionRepeat> repeat;
    };
    bool joins(const Run &run, int sourceRow, const std::optional<DecisionRepeat> &repeat) const;
    void appendSourceRows(int first, int last);
    QList<Run> foldRows(int first, int last, Run *open) const;
    void refold();
    void foldAll();
    void onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                             const QList<int> &roles);
    QString spanText(const Run &run) const;

    AuditListModel &m_source;
    QList<Run> m_runs;
    QList<int> m_runOfSource; // source row → its run
};

} // namespace mandate::models
