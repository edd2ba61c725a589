#include "core/AuditChain.h"

#include "core/AuditEventCodec.h"
#include "core/CanonicalJson.h"
#include "core/MerkleTree.h"

#include <QCryptographicHash>

#include <limits>

namespace mandate {

QString AuditChain::genesisHash()
{
    return QString(64, u'0');
}

QString AuditChain::hashOf(const QString &prevHash, const QJsonObject &eventWithoutHash)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash.toLatin1());
    hash.addData(CanonicalJson::serialize(eventWithoutHash));
    return QString::fromLatin1(hash.result().toHex());
}

QString AuditChain::computeHash(const AuditEvent &event)
{
    return hashOf(event.prevHash, AuditEventCodec::toJson(event, false));
}

QJsonObject AuditChain::sealToJson(AuditEvent &event, const QString &prevHash)
{
    event.prevHash = prevHash;
    QJsonObject json = AuditEventCodec::toJson(event, false);
    event.hash = hashOf(prevHash, json);
    json.insert(QStringLiteral("hash"), event.hash);
    return json;
}

AuditEvent AuditChain::seal(AuditEvent event, const QString &prevHash)
{
    event.prevHash = prevHash;
    event.hash = computeHash(event);
    return event;
}

bool AuditChain::Verifier::add(const AuditEvent &event)
{
    ++m_result.events;
    if (!m_result.ok) {
        return false;
    }

    // The first event has no predecessor to say which seq it should carry, so it names itself.
    std::optional<qint64> expectedSeq;
    if (m_prevSeq && *m_prevSeq < std::numeric_limits<qint64>::max()) {
        expectedSeq = *m_prevSeq + 1;
    }
    const bool seqInOrder = m_prevSeq ? expectedSeq == event.seq : event.seq >= 1;

    if (!seqInOrder || event.prevHash != m_prevHash || event.hash != computeHash(event)) {
        m_result.ok = false;
        m_result.firstBadSeq = m_prevSeq ? expectedSeq.value_or(*m_prevSeq) : event.seq;
        return false;
    }
    m_prevSeq = event.seq;
    m_prevHash = event.hash;
    return true;
}

QByteArray AuditChain::leafHash(const QJsonObject &servedEvent)
{
    QJsonObject leaf = servedEvent;
    leaf.remove(QStringLiteral("leaf_hash"));
    leaf.remove(QStringLiteral("prev_hash"));
    leaf.remove(QStringLiteral("hash"));
    return MerkleTree::leafHash(CanonicalJson::serialize(leaf));
}

QByteArray AuditChain::leafHash(const AuditEvent &event)
{
    return leafHash(AuditEventCodec::toJson(event, false));
}

AuditChain::Sealed AuditChain::sealJson(QJsonObject &event, qint64 seq, const QString &prevHash)
{
    event.remove(QStringLiteral("hash"));
    event.remove(QStringLiteral("leaf_hash"));
    event.insert(QStringLiteral("seq"), seq);
    event.insert(QStringLiteral("prev_hash"), prevHash);
    Sealed sealed{hashOf(prevHash, event), leafHash(event)};
    event.insert(QStringLiteral("hash"), sealed.hash);
    event.insert(QStringLiteral("leaf_hash"), QString::fromLatin1(sealed.leafHash.toHex()));
    return sealed;
}

AuditChain::Verification AuditChain::verify(const QList<AuditEvent> &events)
{
    Verifier verifier;
    for (const AuditEvent &event : events) {
        verifier.add(event);
    }
    return verifier.result();
}

} // namespace mandate
