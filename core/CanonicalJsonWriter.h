#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

namespace mandate {

// Writes canonical JSON (see CanonicalJson) straight into bytes, for the forms written on every
// decision: building a QJsonObject only to serialise it was most of an authorize's store-thread
// work. The caller writes each object's members in canonical order, keys ascending by UTF-16
// code units; debug builds check that order.
class CanonicalJsonWriter
{
public:
    CanonicalJsonWriter();

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);

    void string(QStringView text);
    void integer(qint64 number);
    void null();
    void boolean(bool flag);
    void value(const QJsonValue &json); // any value, its objects sorted as needed
    // A value another CanonicalJsonWriter wrote, taken as it is.
    void canonical(const QByteArray &written);

    QByteArray take() { return std::move(m_out); }

private:
    struct Level
    {
        bool first = true;
        bool expectingValue = false; // a key was written, its value comes next
#ifndef QT_NO_DEBUG
        QString lastKey;
#endif
    };

    void beforeValue();
    void appendDouble(double number);
    void appendQuoted(QStringView text);

    QByteArray m_out;
    QVarLengthArray<Level, 8> m_levels;
};

} // namespace mandate
