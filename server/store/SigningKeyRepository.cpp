#include "server/store/SigningKeyRepository.h"

#include "core/Timestamp.h"
#include "server/store/Database.h"

#include <QJsonDocument>

namespace mandate::server {

namespace {

QJsonObject signingKeyJwk(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

SigningKeyRepository::Published SigningKeyRepository::publish(const QString &kid, const QJsonObject &jwk,
                                                              const QDateTime &at)
{
    const QString text = QString::fromUtf8(QJsonDocument(jwk).toJson(QJsonDocument::Compact));
    // Instances starting together: whoever inserts first wins, the others read its row below.
    if (!m_db.run(QStringLiteral("INSERT INTO signing_keys (kid, jwk, published_at) VALUES (?, ?, ?) "
                                 "ON CONFLICT (kid) DO NOTHING"),
                  {kid, text, formatTimestamp(at)}))
        return Published::Failed;
    SqlStatement *q =
        m_db.run(QStringLiteral("SELECT jwk, retired_at FROM signing_keys WHERE kid = ?"), {kid});
    if (!q || !q->next())
        return Published::Failed;
    const QJsonObject stored = signingKeyJwk(q->value(0));
    const bool retired = !q->value(1).isNull();
    q->finish();
    if (stored != jwk)
        return Published::Conflict;
    return retired ? Published::Retired : Published::Known;
}

std::optional<QList<SigningKeyRepository::Key>> SigningKeyRepository::trusted(const QDateTime &retiredAfter)
{
    SqlStatement *q = m_db.run(QStringLiteral("SELECT kid, jwk, retired_at FROM signing_keys "
                                              "WHERE retired_at IS NULL OR retired_at > ? ORDER BY kid"),
                               {formatTimestamp(retiredAfter)});
    if (!q)
        return std::nullopt;
    QList<Key> keys;
    while (q->next()) {
        Key key{q->value(0).toString(), signingKeyJwk(q->value(1)), std::nullopt};
        if (!q->value(2).isNull())
            key.retiredAt = parseTimestamp(q->value(2).toString());
        keys.append(std::move(key));
    }
    return keys;
}

bool SigningKeyRepository::retire(const QString &kid, const QDateTime &at)
{
    SqlStatement *q = m_db.run(QStringLiteral("UPDATE signing_keys SET retired_at = COALESCE(retired_at, ?) "
                                              "WHERE kid = ? RETURNING kid"),
                               {formatTimestamp(at), kid});
    const bool found = q && q->next();
    if (q)
        q->finish();
    return found;
}

} // namespace mandate::server
