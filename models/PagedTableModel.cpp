#include "models/PagedTableModel.h"

#include "client/ApiReply.h"

namespace mandate::models {

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && m_pending.isNull();
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetch(m_nextCursor);
}

void PagedTableModel::reload()
{
    stopPaging();
    m_replaceOnNextPage = true;
    fetch({});
}

void PagedTableModel::stopPaging()
{
    ++m_generation;
    if (m_pending)
        m_pending->abort();
    m_pending = nullptr;
    m_exhausted = true;
    m_replaceOnNextPage = false;
}

void PagedTableModel::fetch(const QString &cursor)
{
    m_pending = requestPage(cursor, m_generation);
    Q_EMIT loadingChanged(true);
}

std::optional<bool> PagedTableModel::acceptPage(quint64 generation, const QString &nextCursor)
{
    if (generation != m_generation)
        return std::nullopt;
    m_pending = nullptr;
    m_nextCursor = nextCursor;
    m_exhausted = nextCursor.isEmpty();
    return std::exchange(m_replaceOnNextPage, false);
}

void PagedTableModel::finishPage()
{
    Q_EMIT loadingChanged(false);
    Q_EMIT pageLoaded(rowCount());
}

void PagedTableModel::failPage(quint64 generation, const client::ApiError &error)
{
    if (generation != m_generation)
        return;
    m_pending = nullptr;
    Q_EMIT loadingChanged(false);
    Q_EMIT loadFailed(error);
}

} // namespace mandate::models
