#include "models/FoldedAuditModel.h"

#include "models/AuditListModel.h"

#include <QLocale>

namespace mandate::models {

FoldedAuditModel::FoldedAuditModel(AuditListModel &source, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_source(source)
{
    QAbstractProxyModel::setSourceModel(&source);
    connect(&source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(&source, &QAbstractItemModel::modelReset, this, [this] {
        foldAll();
        endResetModel();
    });
    connect(&source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { appendSourceRows(first, last); });
    connect(&source, &QAbstractItemModel::rowsRemoved, this, &FoldedAuditModel::refold);
    connect(&source, &QAbstractItemModel::rowsMoved, this, &FoldedAuditModel::refold);
    connect(&source, &QAbstractItemModel::layoutChanged, this, &FoldedAuditModel::refold);
    connect(&source, &QAbstractItemModel::dataChanged, this, &FoldedAuditModel::onSourceDataChanged);
    connect(&source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    foldAll();
}

QModelIndex FoldedAuditModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_runs.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex FoldedAuditModel::parent(const QModelIndex &) const
{
    return {};
}

int FoldedAuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int FoldedAuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_source.columnCount();
}

QModelIndex FoldedAuditModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.row() >= m_runs.size())
        return {};
    return m_source.index(m_runs[proxyIndex.row()].last, proxyIndex.column());
}

QModelIndex FoldedAuditModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= m_runOfSource.size())
        return {};
    return index(m_runOfSource[sourceIndex.row()], sourceIndex.column());
}

const AuditEvent *FoldedAuditModel::eventAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? m_source.eventAt(m_runs[row].last) : nullptr;
}

int FoldedAuditModel::repeatsAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? m_runs[row].last - m_runs[row].first + 1 : 0;
}

int FoldedAuditModel::rowOfSeq(qint64 seq) const
{
    const int sourceRow = m_source.rowOf(QString::number(seq));
    return sourceRow >= 0 && sourceRow < m_runOfSource.size() ? m_runOfSource[sourceRow] : -1;
}

QString FoldedAuditModel::spanText(const Run &run) const
{
    const QDateTime first = m_source.eventAt(run.first)->at.toLocalTime();
    const QDateTime last = m_source.eventAt(run.last)->at.toLocalTime();
    const QLocale locale;
    return tr("%1 – %2").arg(locale.toString(first, QLocale::ShortFormat),
                             first.date() == last.date() ? locale.toString(last.time(), QLocale::ShortFormat)
                                                         : locale.toString(last, QLocale::ShortFormat));
}

QVariant FoldedAuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Run &run = m_runs[index.row()];
    const int count = run.last - run.first + 1;
    if (role == RepeatCountRole)
        return count;
    const QVariant own = m_source.data(mapToSource(index), role);
    if (count == 1)
        return own;
    const qint64 firstSeq = m_source.eventAt(run.first)->seq;
    const qint64 lastSeq = m_source.eventAt(run.last)->seq;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case AuditListModel::SeqColumn:
            return tr("%1–%2").arg(firstSeq).arg(lastSeq);
        case AuditListModel::TimeColumn:
            return spanText(run);
        case AuditListModel::TypeColumn: // short, so the count is never elided
            return tr("%1 ×%2").arg(own.toString()).arg(count);
        default:
            return own;
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("%1 identical decisions, %2; each is in the trail and in the export.")
            .arg(count)
            .arg(spanText(run));
    if (role == AuditListModel::DetailsRole)
        return QString(
            tr("This row stands for %1 identical decisions (events %2 to %3, %4). Each is in the audit "
               "trail and in the export; below is the newest.")
                .arg(count)
                .arg(firstSeq)
                .arg(lastSeq)
                .arg(spanText(run)) +
            QStringLiteral("\n\n") + own.toString());
    return own;
}

QVariant FoldedAuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_source.headerData(section, orientation, role);
    return QAbstractItemModel::headerData(section, orientation, role);
}

bool FoldedAuditModel::joins(const Run &run, int sourceRow, const std::optional<DecisionRepeat> &repeat) const
{
    const qint64 broken = m_source.brokenSeq();
    return repeat && run.repeat == repeat && m_source.eventAt(run.last)->seq != broken &&
           m_source.eventAt(sourceRow)->seq != broken;
}

QList<FoldedAuditModel::Run> FoldedAuditModel::foldRows(int first, int last, Run *open) const
{
    QList<Run> runs;
    for (int row = first; row <= last; ++row) {
        std::optional<DecisionRepeat> repeat = DecisionRepeat::of(*m_source.eventAt(row));
        Run *tail = runs.isEmpty() ? open : &runs.last();
        if (tail && tail->last == row - 1 && joins(*tail, row, repeat)) {
            tail->last = row;
            continue;
        }
        runs.append({row, row, std::move(repeat)});
    }
    return runs;
}

void FoldedAuditModel::appendSourceRows(int first, int last)
{
    if (first != m_runOfSource.size()) {
        refold();
        return;
    }
    // A new repeat extends the run on screen (its count and span change) instead of adding a row.
    const bool hasOpen = !m_runs.isEmpty();
    Run open = hasOpen ? m_runs.last() : Run{};
    const int before = open.last;
    const QList<Run> fresh = foldRows(first, last, hasOpen ? &open : nullptr);
    if (hasOpen && open.last != before) {
        const int row = static_cast<int>(m_runs.size()) - 1;
        m_runs.last() = open;
        for (int extra = before + 1; extra <= open.last; ++extra)
            m_runOfSource.append(row);
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    if (fresh.isEmpty())
        return;
    const int firstRow = static_cast<int>(m_runs.size());
    beginInsertRows({}, firstRow, firstRow + static_cast<int>(fresh.size()) - 1);
    for (const Run &run : fresh) {
        for (int row = run.first; row <= run.last; ++row)
            m_runOfSource.append(static_cast<int>(m_runs.size()));
        m_runs.append(run);
    }
    endInsertRows();
}

void FoldedAuditModel::refold()
{
    beginResetModel();
    foldAll();
    endResetModel();
}

void FoldedAuditModel::foldAll()
{
    m_runs = foldRows(0, m_source.rowCount() - 1, nullptr);
    m_runOfSource.clear();
    for (int run = 0; run < m_runs.size(); ++run) {
        for (int row = m_runs[run].first; row <= m_runs[run].last; ++row)
            m_runOfSource.append(run);
    }
}

void FoldedAuditModel::onSourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                           const QList<int> &roles)
{
    // The event Verify marked broken leaves its run, so that it alone is selected and marked.
    const int broken = rowOfSeq(m_source.brokenSeq());
    if (broken >= 0 && repeatsAt(broken) > 1) {
        refold();
        return;
    }
    const QModelIndex first = mapFromSource(topLeft);
    const QModelIndex last = mapFromSource(bottomRight);
    if (first.isValid() && last.isValid())
        Q_EMIT dataChanged(index(first.row(), topLeft.column()), index(last.row(), bottomRight.column()),
                           roles);
}

} // namespace mandate::models
