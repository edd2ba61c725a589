#include "core/AuditChain.h"

#include "core/AuditEventCodec.h"
#include "core/CanonicalJson.h"
#include "core/MerkleTree.h"
#include "core/Sha256.h"

#include <charconv>
#include <limits>

namespace mandate {

namespace {

// Lowercase hex of a 32-byte digest into `out` (64 characters), as QByteArray::toHex writes it.
void toHex(const QByteArray &digest, char *out)
{
    static constexpr char Digits[] = "0123456789abcdef";
    for (qsizetype i = 0; i < 32; ++i) {
        const auto byte = static_cast<uchar>(digest[i]);
        out[2 * i] = Digits[byte >> 4];
        out[2 * i + 1] = Digits[byte & 0x0f];
    }
}

} // namespace

QString AuditChain::genesisHash()
{
    return QString(64, u'0');
}

QString AuditChain::hashOf(const QString &prevHash, const QJsonObject &eventWithoutHash)
{
    return QString::fromLatin1(
        Sha256::of({prevHash.toLatin1(), CanonicalJson::serialize(eventWithoutHash)}).toHex());
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

QByteArray AuditChain::recordedForm(const AuditEvent &event)
{
    return AuditEventCodec::recordedCanonical(event);
}

std::optional<QByteArray> AuditChain::sealCanonical(const QByteArray &recorded, qint64 seq,
                                                    const QString &prevHash, Sealed *sealed)
{
    // Inside a JSON string every quote is escaped, so the last `,"type":"` is the top-level member.
    const qsizetype typeAt = recorded.lastIndexOf(QByteArrayView(",\"type\":\""));
    if (typeAt <= 0 || !recorded.startsWith('{') || !recorded.endsWith('}'))
        return std::nullopt;
    const QByteArrayView head = QByteArrayView(recorded).first(typeAt);
    const QByteArrayView tail = QByteArrayView(recorded).sliced(typeAt);
    // Pieces in place, not joined first: this runs for every event the log records.
    char seqDigits[24];
    const QByteArrayView seqText(seqDigits,
                                 std::to_chars(seqDigits, seqDigits + sizeof seqDigits, seq).ptr - seqDigits);
    const QByteArray previous = prevHash.toLatin1();
    constexpr QByteArrayView SeqKey(",\"seq\":");
    constexpr QByteArrayView PrevKey(",\"prev_hash\":\"");
    constexpr QByteArrayView Quote("\"");

    const QByteArray chainHash =
        Sha256::of({previous, head, PrevKey, previous, Quote, SeqKey, seqText, tail});
    sealed->leafHash = Sha256::of({QByteArrayView("\x00", 1), head, SeqKey, seqText, tail});
    if (chainHash.size() != 32 || sealed->leafHash.size() != 32)
        return std::nullopt;
    char chainHex[64];
    char leafHex[64];
    toHex(chainHash, chainHex);
    toHex(sealed->leafHash, leafHex);
    sealed->hash = QString::fromLatin1(chainHex, sizeof chainHex);

    constexpr QByteArrayView HashKey(",\"hash\":\"");
    constexpr QByteArrayView LeafKey("\",\"leaf_hash\":\"");
    const QByteArrayView sealedForm[] = {
        head,    HashKey, QByteArrayView(chainHex, 64), LeafKey, QByteArrayView(leafHex, 64),
        Quote,   PrevKey, QByteArrayView(previous),     Quote,   SeqKey,
        seqText, tail};
    qsizetype size = 0;
    for (const QByteArrayView part : sealedForm)
        size += part.size();
    QByteArray out;
    out.reserve(size);
    for (const QByteArrayView part : sealedForm)
        out.append(part);
    return out;
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
