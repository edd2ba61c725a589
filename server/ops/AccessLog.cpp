#include "server/ops/AccessLog.h"

#include "server/http/ApiRequest.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace mandate::server {

namespace {

void writeLine(std::FILE *out, const QJsonObject &line)
{
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), out);
    std::fflush(out);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

void AccessLog::request(const ApiRequest &request, int status, double seconds)
{
    if (!m_enabled)
        return;
    writeLine(m_out, {
                         {QStringLiteral("ts"), now()},
                         {QStringLiteral("msg"), QStringLiteral("request")},
                         {QStringLiteral("method"), QString::fromLatin1(request.method)},
                         {QStringLiteral("route"), request.route},
                         {QStringLiteral("status"), status},
                         {QStringLiteral("ms"), static_cast<double>(qRound64(seconds * 1e6)) / 1e3},
                         {QStringLiteral("principal"), request.principal.id},
                         {QStringLiteral("remote"), request.remoteAddress.toString()},
                     });
}

void AccessLog::event(const QString &message, const QString &detail)
{
    if (!m_enabled)
        return;
    writeLine(m_out, {{QStringLiteral("ts"), now()},
                      {QStringLiteral("msg"), message},
                      {QStringLiteral("detail"), detail}});
}

} // namespace mandate::server
