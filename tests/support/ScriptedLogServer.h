#pragma once

#include "core/AuditChain.h"
#include "core/AuditEventCodec.h"
#include "core/AuditReceipt.h"
#include "core/Checkpoint.h"
#include "core/MerkleFrontier.h"
#include "core/MerkleTree.h"
#include "tests/support/AuditEventSamples.h"
#include "tests/support/NoteSigner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace mandate::test {

// A log of sample events kept as a server keeps it: every perfect subtree, so proofs cost O(log n).
struct SampleLog
{
    QList<AuditEvent> events;
    QMap<QPair<int, qint64>, QByteArray> nodes;

    // `variant` changes every event's payload: the same number of events, another history.
    explicit SampleLog(int size, int variant = 0)
    {
        MerkleFrontier frontier;
        for (AuditEvent event : test::AuditEventSamples::chain(size)) {
            if (variant)
                event.data.insert(QStringLiteral("variant"), variant);
            const QByteArray leaf = AuditChain::leafHash(event);
            event.leafHash = QString::fromLatin1(leaf.toHex());
            events.append(event);
            for (const MerkleFrontier::Subtree &s : frontier.append(leaf))
                nodes.insert({s.level, s.index}, s.hash);
        }
    }
    MerkleTree::PerfectSubtrees reader() const
    {
        return [this](int level, qint64 index) -> std::optional<QByteArray> {
            const auto it = nodes.constFind({level, index});
            return it == nodes.cend() ? std::nullopt : std::optional<QByteArray>(*it);
        };
    }
};

inline QJsonArray hexList(const QList<QByteArray> &hashes)
{
    QJsonArray out;
    for (const QByteArray &hash : hashes)
        out.append(QString::fromLatin1(hash.toHex()));
    return out;
}

// Just enough of mandate-server's log endpoints, over a real socket, to play an honest log, a
// rewritten one and one under a new key, and receipts that are pending (202) or edited on the way.
class ScriptedLogServer : public QObject
{
public:
    ScriptedLogServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void serve(const SampleLog *log, qint64 size, const NoteSigner *signer)
    {
        m_log = log;
        m_size = size;
        m_signer = signer;
    }
    // Receipts (of the first event, for any id) answer 202 while pending.
    void setReceiptsPending(bool pending) { m_receiptsPending = pending; }
    // Receipts carry an event changed after it was proven.
    void setReceiptsEdited(bool edited) { m_receiptsEdited = edited; }

private:
    void answer(QTcpSocket *socket)
    {
        const QByteArray request = socket->readAll();
        const QUrl target(QString::fromLatin1(request.split(' ').value(1)));
        const QUrlQuery query(target);
        const auto number = [&query](const char *name) {
            return query.queryItemValue(QString::fromLatin1(name)).toLongLong();
        };
        QJsonObject body;
        int status = 200;
        if (target.path().endsWith(u"/receipt")) {
            status = m_receiptsPending ? 202 : 200;
            body = m_receiptsPending ? QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")}}
                                     : receipt().toJson();
        } else if (target.path() == u"/v1/audit/checkpoint") {
            const QByteArray root = *MerkleTree::root(m_size, m_log->reader());
            body = {
                {QStringLiteral("tree_size"), m_size},
                {QStringLiteral("root_hash"), QString::fromLatin1(root.toBase64())},
                {QStringLiteral("checkpoint"),
                 QString::fromUtf8(m_signer->note(Checkpoint{m_signer->name(), m_size, root, {}}.text()))},
                {QStringLiteral("verifier_key"), m_signer->verifier().toString()}};
        } else if (target.path() == u"/v1/audit/proofs/consistency") {
            body = {{QStringLiteral("from"), number("from")},
                    {QStringLiteral("to"), number("to")},
                    {QStringLiteral("proof"),
                     hexList(*MerkleTree::consistencyProof(number("from"), number("to"), m_log->reader()))}};
        } else if (target.path() == u"/v1/audit/proofs/inclusion") {
            const qint64 leaf = number("seq") - 1;
            body = {{QStringLiteral("leaf_index"), leaf},
                    {QStringLiteral("tree_size"), number("tree_size")},
                    {QStringLiteral("leaf_hash"), m_log->events.at(leaf).leafHash},
                    {QStringLiteral("audit_path"),
                     hexList(*MerkleTree::inclusionProof(leaf, number("tree_size"), m_log->reader()))}};
        }
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        if (body.isEmpty())
            status = 404;
        socket->write(QByteArray("HTTP/1.1 ") + QByteArray::number(status) + " Scripted\r\n" +
                      QByteArray("Content-Type: application/json\r\nConnection: close\r\nContent-Length: ") +
                      QByteArray::number(json.size()) + "\r\n\r\n" + json);
        socket->disconnectFromHost();
    }

    AuditReceipt receipt() const
    {
        AuditReceipt receipt;
        receipt.event = AuditEventCodec::toJson(m_log->events.first());
        if (m_receiptsEdited)
            receipt.event.insert(QStringLiteral("type"), QStringLiteral("delegation.revoked"));
        receipt.leafIndex = 0;
        receipt.treeSize = m_size;
        receipt.leafHash = AuditChain::leafHash(m_log->events.first());
        receipt.auditPath = *MerkleTree::inclusionProof(0, m_size, m_log->reader());
        receipt.checkpoint = m_signer->note(
            Checkpoint{m_signer->name(), m_size, *MerkleTree::root(m_size, m_log->reader()), {}}.text());
        receipt.verifierKey = m_signer->verifier().toString();
        return receipt;
    }

    QTcpServer m_server;
    const SampleLog *m_log = nullptr;
    qint64 m_size = 0;
    const NoteSigner *m_signer = nullptr;
    bool m_receiptsPending = false;
    bool m_receiptsEdited = false;
};

} // namespace mandate::test
