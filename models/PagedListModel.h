#pragma once

#include "client/ApiReply.h"
#include "client/Page.h"
#include "models/PagedTableModel.h"

#include <QHash>
#include <QList>

namespace mandate::models {

// The rows of a paged list of T, with an id → row index so live updates find their row in O(1).
// A subclass says how to ask for a page and what a row's id is, and renders the columns.
template <typename T>
class PagedListModel : public PagedTableModel
{
public:
    using PagedTableModel::PagedTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    const T *itemAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }
    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }

protected:
    virtual client::Reply<client::Page<T>> requestItems(const QString &cursor) = 0;
    virtual QString idOf(const T &item) const = 0;
    // After the rows of a page went in, before pageLoaded: for what is derived from all rows.
    virtual void rowsArrived() {}

    const QList<T> &rows() const { return m_rows; }

    // Every row at once (a snapshot, a re-sorted list): one reset.
    void resetRows(QList<T> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        rebuildIndex();
        endResetModel();
    }
    void replaceRow(int row, T item)
    {
        m_rows[row] = std::move(item);
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    // Rows after the last one, leaving out any already here.
    void appendRows(const QList<T> &items)
    {
        QList<T> fresh;
        for (const T &item : items) {
            if (!m_rowById.contains(idOf(item)))
                fresh.append(item);
        }
        if (fresh.isEmpty())
            return;
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (T &item : fresh) {
            m_rowById.insert(idOf(item), static_cast<int>(m_rows.size()));
            m_rows.append(std::move(item));
        }
        endInsertRows();
    }
    void prependRow(T item)
    {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(std::move(item));
        rebuildIndex();
        endInsertRows();
    }

private:
    client::ApiReply *requestPage(const QString &cursor, quint64 generation) final
    {
        const client::Reply<client::Page<T>> reply = requestItems(cursor);
        reply.onSucceeded(this,
                          [this, generation](const client::Page<T> &page) { takePage(page, generation); });
        reply.onFailed(this,
                       [this, generation](const client::ApiError &error) { failPage(generation, error); });
        return reply.get();
    }

    void takePage(const client::Page<T> &page, quint64 generation)
    {
        const std::optional<bool> replace = acceptPage(generation, page.nextCursor);
        if (!replace)
            return;
        if (*replace) {
            resetRows(page.items);
        } else {
            appendRows(page.items);
        }
        rowsArrived();
        finishPage();
    }

    void rebuildIndex()
    {
        m_rowById.clear();
        m_rowById.reserve(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            m_rowById.insert(idOf(m_rows[i]), i);
    }

    QList<T> m_rows;
    QHash<QString, int> m_rowById;
};

} // namespace mandate::models
