#pragma once

#include "client/ApiError.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QString>

#include <optional>

namespace mandate::client {
class ApiReply;
}

namespace mandate::models {

// Server-side paging for a table (API.md "Lists"): the first page on reload(), the next on
// fetchMore() so a QTableView pulls pages as it scrolls, one request in flight at a time, and an
// answer to an earlier reload never lands after a newer one. Every list model reports loading and
// failure through the same three signals. PagedListModel<T> adds the rows.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Asks for the first page again. What is on screen stays until that page replaces it: no empty
    // flash on every keystroke, and a cached snapshot stays readable if the page never comes.
    void reload();
    bool isLoading() const { return !m_pending.isNull(); }

Q_SIGNALS:
    void loadingChanged(bool loading);
    // Every page that arrives, including the first after a reload.
    void pageLoaded(int rowsNow);
    void loadFailed(const mandate::client::ApiError &error);

protected:
    // Sends the request for the page at `cursor` (empty: the first). The subclass hands the answer
    // to acceptPage() or failPage() with the same `generation`.
    virtual client::ApiReply *requestPage(const QString &cursor, quint64 generation) = 0;

    // Whether an answer for `generation` still counts and it replaces the rows (the first page after
    // a reload) or is appended; nullopt for an answer to a list the user already changed.
    std::optional<bool> acceptPage(quint64 generation, const QString &nextCursor);
    // After the rows of an accepted page went in.
    void finishPage();
    void failPage(quint64 generation, const client::ApiError &error);
    // Forgets the request on its way and the cursor: the rows came from elsewhere (a snapshot).
    void stopPaging();

private:
    void fetch(const QString &cursor);

    QPointer<client::ApiReply> m_pending;
    QString m_nextCursor;
    bool m_exhausted = true;
    bool m_replaceOnNextPage = false;
    quint64 m_generation = 0;
};

} // namespace mandate::models
