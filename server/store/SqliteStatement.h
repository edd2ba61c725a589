#pragma once

#include "server/store/SqlStatement.h"

#include <QStringEncoder>
#include <QVarLengthArray>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace mandate::server {

// A statement through SQLite's own API, on the connection Qt opened. Qt's driver spent more of a
// decision's store-thread time binding values and describing result columns than SQLite spent
// executing: per bound value it formats a placeholder name and hashes it, per execution it
// rebuilds the column record. Values are converted as Qt's SQLite driver converts them, so a
// repository reads the same QVariant through either.
class SqliteStatement final : public SqlStatement
{
public:
    static std::unique_ptr<SqliteStatement> prepare(sqlite3 *db, const QString &sql, QString *error);
    ~SqliteStatement() override;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool exec(const QVariant *values, qsizetype count) override;
    bool next() override;
    QVariant value(int column) const override;
    void finish() override;
    int numRowsAffected() const override { return m_changes; }
    QString errorText() const override { return m_error; }
    QString nativeErrorCode() const override { return QString::number(m_errorCode); }

private:
    enum class Position
    {
        Done,        // no row to read
        BeforeFirst, // exec() stepped onto the first row; next() hands it out
        OnRow,
    };

    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement);
    bool bind(int index, const QVariant &value);
    void failed(int code);

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    // SQLite reads bound text and blobs in place for as long as the statement runs.
    QVarLengthArray<QVariant, 16> m_bound;
    // The bound strings' UTF-8, one after another, alive until the next exec: one buffer that
    // keeps its capacity, instead of an allocation for every string of every row.
    QByteArray m_text;
    qsizetype m_textUsed = 0;
    QStringEncoder m_toUtf8{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    Position m_position = Position::Done;
    int m_changes = 0;
    int m_errorCode = 0;
    QString m_error;
};

} // namespace mandate::server
