#pragma once

#include "server/store/SqlStatement.h"

#include <QSqlQuery>

namespace mandate::server {

// A statement through Qt's SQL driver: what every database Qt speaks to can run.
class QtSqlStatement final : public SqlStatement
{
public:
    explicit QtSqlStatement(const QSqlDatabase &db);
    bool prepare(const QString &sql) { return m_query.prepare(sql); }

    bool exec(const QVariant *values, qsizetype count) override;
    bool next() override { return m_query.next(); }
    QVariant value(int column) const override { return m_query.value(column); }
    void finish() override { m_query.finish(); }
    int numRowsAffected() const override { return m_query.numRowsAffected(); }
    QString errorText() const override;
    QString nativeErrorCode() const override;

private:
    QSqlQuery m_query;
};

} // namespace mandate::server
