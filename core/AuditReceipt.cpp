#include "core/AuditReceipt.h"

#include "core/AuditChain.h"
#include "core/MerkleTree.h"

#include <QJsonArray>

namespace mandate {

namespace {

std::optional<QByteArray> hashFromHex(const QJsonValue &value)
{
    const QByteArray hex = value.toString().toLatin1();
    if (hex.size() != 2 * MerkleTree::HashSize || !std::all_of(hex.cbegin(), hex.cend(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }))
        return std::nullopt;
    return QByteArray::fromHex(hex);
}

std::optional<qint64> integer(const QJsonValue &value)
{
    const QVariant variant = value.toVariant();
    if (variant.typeId() != QMetaType::LongLong || variant.toLongLong() < 0)
        return std::nullopt;
    return variant.toLongLong();
}

} // namespace

std::optional<AuditReceipt> AuditReceipt::fromJson(const QJsonObject &json)
{
    AuditReceipt receipt;
    const QJsonObject inclusion = json.value(QStringLiteral("inclusion")).toObject();
    const std::optional<qint64> leafIndex = integer(json.value(QStringLiteral("leaf_index")));
    const std::optional<qint64> proofIndex = integer(inclusion.value(QStringLiteral("leaf_index")));
    const std::optional<qint64> treeSize = integer(inclusion.value(QStringLiteral("tree_size")));
    const std::optional<QByteArray> leafHash = hashFromHex(inclusion.value(QStringLiteral("leaf_hash")));
    const QJsonValue path = inclusion.value(QStringLiteral("audit_path"));
    if (!json.value(QStringLiteral("event")).isObject() || !leafIndex || !proofIndex ||
        *proofIndex != *leafIndex || !treeSize || !leafHash || !path.isArray() ||
        !json.value(QStringLiteral("checkpoint")).isString() ||
        !json.value(QStringLiteral("verifier_key")).isString())
        return std::nullopt;
    for (const QJsonValue &step : path.toArray()) {
        std::optional<QByteArray> hash = hashFromHex(step);
        if (!hash)
            return std::nullopt;
        receipt.auditPath.append(std::move(*hash));
    }
    receipt.event = json.value(QStringLiteral("event")).toObject();
    receipt.leafIndex = *leafIndex;
    receipt.treeSize = *treeSize;
    receipt.leafHash = *leafHash;
    receipt.checkpoint = json.value(QStringLiteral("checkpoint")).toString().toUtf8();
    receipt.verifierKey = json.value(QStringLiteral("verifier_key")).toString();
    return receipt;
}

QJsonObject AuditReceipt::toJson() const
{
    QJsonArray path;
    for (const QByteArray &hash : auditPath)
        path.append(QString::fromLatin1(hash.toHex()));
    return {
        {QStringLiteral("event"), event},
        {QStringLiteral("leaf_index"), leafIndex},
        {QStringLiteral("inclusion"),
         QJsonObject{{QStringLiteral("leaf_index"), leafIndex},
                     {QStringLiteral("tree_size"), treeSize},
                     {QStringLiteral("leaf_hash"), QString::fromLatin1(leafHash.toHex())},
                     {QStringLiteral("audit_path"), path}}},
        {QStringLiteral("checkpoint"), QString::fromUtf8(checkpoint)},
        {QStringLiteral("verifier_key"), verifierKey},
    };
}

std::optional<Checkpoint> AuditReceipt::checkpointFor(const NoteVerifierKey &key) const
{
    Expected<Checkpoint, LogError> opened = Checkpoint::open(checkpoint, key);
    if (!opened)
        return std::nullopt;
    return *opened;
}

LogError AuditReceipt::verify(const std::optional<NoteVerifierKey> &trusted) const
{
    const std::optional<NoteVerifierKey> named = NoteVerifierKey::parse(verifierKey);
    if (!named)
        return LogError::MalformedVerifierKey;
    const NoteVerifierKey &key = trusted ? *trusted : *named;
    Expected<Checkpoint, LogError> opened = Checkpoint::open(checkpoint, key);
    if (!opened)
        return opened.error();
    if (opened->treeSize != treeSize)
        return LogError::WrongTreeSize;
    // The event names its own place: leaf seq - 1.
    if (event.value(QStringLiteral("seq")).toVariant().toLongLong() != leafIndex + 1 ||
        AuditChain::leafHash(event) != leafHash)
        return LogError::LeafMismatch;
    return MerkleTree::verifyInclusion(leafIndex, treeSize, leafHash, auditPath, opened->rootHash);
}

} // namespace mandate
