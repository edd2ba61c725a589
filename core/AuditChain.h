#pragma once

#include "core/AuditEvent.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mandate {

// The tamper-evident chain: each event's hash covers the previous hash and the event itself, so
// changing, removing or reordering any event breaks every hash after it.
class AuditChain
{
public:
    // prev_hash of the first event: 64 zeros.
    static QString genesisHash();
    // SHA-256(prev_hash ‖ canonical JSON of the event without "hash"), lowercase hex.
    static QString computeHash(const AuditEvent &event);
    // Sets prev_hash and hash.
    static AuditEvent seal(AuditEvent event, const QString &prevHash);
    // seal() for a caller that stores the event too: returns AuditEventCodec::toJson(event), which
    // is built once for both the hash and the stored text.
    static QJsonObject sealToJson(AuditEvent &event, const QString &prevHash);

    struct Verification
    {
        bool ok = true;
        qint64 events = 0;
        std::optional<qint64> firstBadSeq;
    };

    // Streaming verification, so a server can check millions of events page by page.
    class Verifier
    {
    public:
        // Returns false once the chain is broken (later events are still counted).
        bool add(const AuditEvent &event);
        Verification result() const { return m_result; }

    private:
        Verification m_result;
        QString m_prevHash = genesisHash();
        std::optional<qint64> m_prevSeq;
    };

    static Verification verify(const QList<AuditEvent> &events);

    // The event's Merkle leaf hash (32 raw bytes): SHA-256(0x00 ‖ RFC 8785 JCS of the event as served,
    // without "leaf_hash", "prev_hash" and "hash").
    static QByteArray leafHash(const QJsonObject &servedEvent);
    static QByteArray leafHash(const AuditEvent &event);

    struct Sealed
    {
        QString hash;        // the chain hash, hex
        QByteArray leafHash; // raw
    };
    // Gives a recorded event (its JSON without seq and hashes) its place: sets "seq", "prev_hash",
    // "hash" and "leaf_hash", so `event` becomes exactly what GET /v1/audit serves.
    static Sealed sealJson(QJsonObject &event, qint64 seq, const QString &prevHash);

    // The same seal on bytes, for the log's sequencer: `recorded` is the RFC 8785 canonical JSON of
    // an event without seq and hashes (what recordedForm() makes). Because canonical members are
    // sorted and "type" sorts last, seq and the hashes are spliced in without parsing anything.
    // Returns the canonical JSON of the sealed event; nothing if `recorded` is not such a form (or
    // hashing failed).
    static std::optional<QByteArray> sealCanonical(const QByteArray &recorded, qint64 seq,
                                                   const QString &prevHash, Sealed *sealed);
    // The canonical form sealCanonical() takes.
    static QByteArray recordedForm(const AuditEvent &event);

private:
    static QString hashOf(const QString &prevHash, const QJsonObject &eventWithoutHash);
};

} // namespace mandate
