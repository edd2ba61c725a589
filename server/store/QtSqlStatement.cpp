#include "server/store/QtSqlStatement.h"

#include <QSqlError>

namespace mandate::server {

QtSqlStatement::QtSqlStatement(const QSqlDatabase &db)
    : m_query(db)
{}

bool QtSqlStatement::exec(const QVariant *values, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i)
        m_query.bindValue(static_cast<int>(i), values[i]);
    return m_query.exec();
}

QString QtSqlStatement::errorText() const
{
    return m_query.lastError().text();
}

QString QtSqlStatement::nativeErrorCode() const
{
    return m_query.lastError().nativeErrorCode();
}

} // namespace mandate::server
