#include "agent/AgentIdentity.h"

#include "agent/Session.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace mandate::agent {

namespace {

// FILE or "-": a bearer credential, `what` naming it in the error.
Expected<QString, QString> readCredential(const QString &source, const QString &what)
{
    QFile file(source);
    const bool opened =
        source == u"-" ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        return unexpected(QStringLiteral("Cannot read %1 from %2: %3").arg(what, source, file.errorString()));
    // A JWT is a few KiB; a wrong path (a log, a device) is not read without bound.
    const QByteArray token = file.read(64 * 1024).trimmed();
    if (token.isEmpty())
        return unexpected(QStringLiteral("%1 holds no %2.").arg(source, what.section(u' ', -1)));
    return QString::fromLatin1(token);
}

} // namespace

Expected<QString, QString> AgentIdentity::readSvid(const QString &source)
{
    return readCredential(source, QStringLiteral("the SVID"));
}

Expected<QString, QString> AgentIdentity::readEnforcementToken(const QString &source)
{
    return readCredential(source, QStringLiteral("the enforcement point's token"));
}

Expected<QString, QString> AgentIdentity::spiffeIdOf(const QString &svid)
{
    const QStringList parts = svid.split(u'.');
    const QJsonObject claims =
        parts.size() == 3 ? QJsonDocument::fromJson(
                                QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
                                .object()
                          : QJsonObject();
    const QString subject = claims.value(QStringLiteral("sub")).toString();
    if (!subject.startsWith(u"spiffe://"))
        return unexpected(QStringLiteral("The SVID names no SPIFFE ID; give it with --agent spiffe://…"));
    return subject;
}

bool AgentIdentity::signIn(Session &session, const QString &userSpec, QString *error)
{
    const qsizetype colon = userSpec.indexOf(u':');
    const QString username = colon < 0 ? userSpec : userSpec.left(colon);
    const QString password = colon < 0 ? QString::fromLatin1(DemoPassword) : userSpec.mid(colon + 1);
    return session.signIn(username, password, error);
}

Expected<QString, QString> AgentIdentity::findAgent(Session &admin, const QString &nameOrSpiffeId)
{
    const auto agents = admin.wait(admin.people().agents());
    if (!agents.ok())
        return unexpected(QStringLiteral("Cannot list the agents: %1").arg(agents.problem()));
    for (const client::AgentInfo &agent : agents.value->items) {
        if (agent.name == nameOrSpiffeId || agent.spiffeId == nameOrSpiffeId)
            return agent.id;
    }
    return unexpected(QStringLiteral("No agent is registered as %1.").arg(nameOrSpiffeId));
}

Expected<QString, QString> AgentIdentity::mint(Session &admin, const QString &nameOrSpiffeId)
{
    const auto agentId = findAgent(admin, nameOrSpiffeId);
    if (!agentId)
        return unexpected(agentId.error());
    const CallResult minted = admin.wait(admin.agent().mintSvid(*agentId));
    if (!minted.ok)
        return unexpected(
            QStringLiteral("Cannot mint an SVID for %1: %2").arg(nameOrSpiffeId, minted.problem()));
    return minted.body.value(QStringLiteral("token")).toString();
}

} // namespace mandate::agent
