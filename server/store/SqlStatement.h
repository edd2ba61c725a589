#pragma once

#include <QString>
#include <QVariant>

namespace mandate::server {

// A prepared statement of one connection, executed again and again with new values. Its rows are
// read forward only, as from a QSqlQuery: next(), then value(column).
class SqlStatement
{
public:
    virtual ~SqlStatement() = default;

    // Binds `values` by position and executes; the statement is then positioned before its first
    // row. False on failure, with errorText() and nativeErrorCode() saying why.
    virtual bool exec(const QVariant *values, qsizetype count) = 0;
    virtual bool next() = 0;
    virtual QVariant value(int column) const = 0;
    // Ends reading early: a query left unfinished keeps its snapshot of the database.
    virtual void finish() = 0;
    virtual int numRowsAffected() const = 0;
    virtual QString errorText() const = 0;
    virtual QString nativeErrorCode() const = 0;
};

} // namespace mandate::server
