#include "server/store/SqliteStatement.h"

#include <QDateTime>

#include <sqlite3.h>

namespace mandate::server {

std::unique_ptr<SqliteStatement> SqliteStatement::prepare(sqlite3 *db, const QString &sql, QString *error)
{
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    // Persistent: each statement lives for the connection's lifetime.
    if (sqlite3_prepare_v3(db, text.constData(), static_cast<int>(text.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(statement);
        return nullptr;
    }
    return std::unique_ptr<SqliteStatement>(new SqliteStatement(db, statement));
}

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
{}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

namespace {

// As Qt's drivers decide it: a null string, byte array or date binds as NULL, not as empty.
bool isSqlNull(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    case QMetaType::QDateTime:
        return static_cast<const QDateTime *>(value.constData())->isNull();
    case QMetaType::QDate:
        return static_cast<const QDate *>(value.constData())->isNull();
    case QMetaType::QTime:
        return static_cast<const QTime *>(value.constData())->isNull();
    default:
        return value.isNull();
    }
}

} // namespace

bool SqliteStatement::bind(int index, const QVariant &value)
{
    if (isSqlNull(value))
        return sqlite3_bind_null(m_statement, index) == SQLITE_OK;
    switch (value.typeId()) {
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        return sqlite3_bind_blob(m_statement, index, bytes->constData(), static_cast<int>(bytes->size()),
                                 SQLITE_STATIC) == SQLITE_OK;
    }
    case QMetaType::QString: {
        // The database is UTF-8: converting here (Qt's SIMD path) spares SQLite translating the
        // UTF-16 into a buffer of its own for every value it stores. exec() made room for it.
        char *const start = m_text.data() + m_textUsed;
        char *const end = m_toUtf8.appendToBuffer(start, *static_cast<const QString *>(value.constData()));
        m_textUsed = end - m_text.data();
        return sqlite3_bind_text(m_statement, index, start, static_cast<int>(end - start), SQLITE_STATIC) ==
               SQLITE_OK;
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::UChar:
        return sqlite3_bind_int64(m_statement, index, value.toLongLong()) == SQLITE_OK;
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(m_statement, index, value.toDouble()) == SQLITE_OK;
    default: {
        // As Qt's driver does: dates in ISO 8601, anything else as its text.
        const QString text = value.typeId() == QMetaType::QDateTime
                                 ? value.toDateTime().toString(Qt::ISODateWithMs)
                                 : value.toString();
        return sqlite3_bind_text16(m_statement, index, text.constData(),
                                   static_cast<int>(text.size() * sizeof(QChar)),
                                   SQLITE_TRANSIENT) == SQLITE_OK;
    }
    }
}

void SqliteStatement::failed(int code)
{
    m_errorCode = code;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    m_position = Position::Done;
}

bool SqliteStatement::exec(const QVariant *values, qsizetype count)
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_bound.clear();
    m_bound.append(values, count);
    // Room for every string's UTF-8 before the first is bound: SQLite keeps pointers into it.
    qsizetype textSpace = 0;
    for (const QVariant &value : m_bound) {
        if (value.typeId() == QMetaType::QString)
            textSpace += m_toUtf8.requiredSpace(static_cast<const QString *>(value.constData())->size());
    }
    // A rare large value's room is not kept for the statement's lifetime.
    static constexpr qsizetype KeptTextSpace = 64 * 1024;
    if (m_text.size() < textSpace || (m_text.size() > KeptTextSpace && textSpace <= KeptTextSpace))
        m_text = QByteArray(textSpace, Qt::Uninitialized);
    m_textUsed = 0;
    m_changes = 0;
    m_errorCode = 0;
    m_error.clear();
    if (count != sqlite3_bind_parameter_count(m_statement)) {
        m_error = QStringLiteral("%1 values bound to %2 parameters")
                      .arg(count)
                      .arg(sqlite3_bind_parameter_count(m_statement));
        m_errorCode = SQLITE_RANGE;
        m_position = Position::Done;
        return false;
    }
    for (qsizetype i = 0; i < m_bound.size(); ++i) {
        if (!bind(static_cast<int>(i + 1), m_bound[i])) {
            failed(sqlite3_errcode(m_db));
            return false;
        }
    }
    const int stepped = sqlite3_step(m_statement);
    if (stepped == SQLITE_ROW) {
        m_position = Position::BeforeFirst;
        return true;
    }
    if (stepped != SQLITE_DONE) {
        failed(stepped);
        return false;
    }
    m_changes = sqlite3_changes(m_db);
    // Done: release the statement's read of the database at once.
    sqlite3_reset(m_statement);
    m_position = Position::Done;
    return true;
}

bool SqliteStatement::next()
{
    switch (m_position) {
    case Position::Done:
        return false;
    case Position::BeforeFirst:
        m_position = Position::OnRow;
        return true;
    case Position::OnRow:
        break;
    }
    const int stepped = sqlite3_step(m_statement);
    if (stepped == SQLITE_ROW)
        return true;
    if (stepped == SQLITE_DONE) {
        m_changes = sqlite3_changes(m_db);
        sqlite3_reset(m_statement);
        m_position = Position::Done;
    } else {
        failed(stepped);
    }
    return false;
}

QVariant SqliteStatement::value(int column) const
{
    if (m_position != Position::OnRow || column < 0 || column >= sqlite3_column_count(m_statement))
        return {};
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(static_cast<qlonglong>(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column)));
    }
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QVariant(QByteArray(bytes, sqlite3_column_bytes(m_statement, column)));
    }
    default:
        return {};
    }
}

void SqliteStatement::finish()
{
    sqlite3_reset(m_statement);
    m_position = Position::Done;
}

} // namespace mandate::server
