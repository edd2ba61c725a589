#include "server/http/SendBatch.h"

#include <QTcpSocket>

#include <cerrno>
#include <liburing.h>
#include <sys/socket.h>

namespace mandate::server {

// One io_uring instance: a submission queue of Entries sends, submitted and reaped in one call.
class SendBatch::Ring
{
public:
    static constexpr unsigned Entries = 64;

    static std::unique_ptr<Ring> create()
    {
        auto ring = std::unique_ptr<Ring>(new Ring);
        if (io_uring_queue_init(Entries, &ring->m_ring, 0) < 0)
            return nullptr;
        ring->m_ready = true;
        return ring;
    }

    ~Ring()
    {
        if (m_ready)
            io_uring_queue_exit(&m_ring);
    }

    // Sends each socket's bytes without blocking; `sent` gets what each socket took, or Unknown.
    // False when the ring stopped working: it must be dropped then, so that nothing it did not
    // submit can go later.
    bool send(const QList<int> &descriptors, const QList<QByteArrayView> &bytes, QList<qsizetype> &sent)
    {
        for (qsizetype first = 0; first < descriptors.size(); first += Entries) {
            const auto count = static_cast<unsigned>(qMin<qsizetype>(Entries, descriptors.size() - first));
            for (unsigned i = 0; i < count; ++i) {
                io_uring_sqe *sqe = io_uring_get_sqe(&m_ring);
                const qsizetype at = first + i;
                // MSG_DONTWAIT: a full socket answers EAGAIN at once instead of waiting in the kernel.
                io_uring_prep_send(sqe, descriptors[at], bytes[at].data(),
                                   static_cast<size_t>(bytes[at].size()), MSG_DONTWAIT | MSG_NOSIGNAL);
                io_uring_sqe_set_data64(sqe, static_cast<quint64>(at));
            }
            int submitted = io_uring_submit_and_wait(&m_ring, count);
            while (submitted == -EINTR)
                submitted = io_uring_submit_and_wait(&m_ring, count);
            // The kernel takes the queue's entries in order; what it took went out or failed.
            for (int i = 0; i < submitted; ++i)
                sent[first + i] = Unknown;
            for (int reaped = 0; reaped < submitted;) {
                io_uring_cqe *cqe = nullptr;
                const int waited = io_uring_wait_cqe(&m_ring, &cqe);
                if (waited == -EINTR)
                    continue;
                if (waited < 0)
                    return false;
                const auto at = static_cast<qsizetype>(io_uring_cqe_get_data64(cqe));
                sent[at] = cqe->res > 0 ? cqe->res : 0;
                io_uring_cqe_seen(&m_ring, cqe);
                ++reaped;
            }
            if (submitted != static_cast<int>(count))
                return false;
        }
        return true;
    }

private:
    Ring() = default;

    io_uring m_ring{};
    bool m_ready = false;
};

SendBatch::SendBatch(Submission submission)
    : m_submission(submission)
{}

SendBatch::~SendBatch() = default;

void SendBatch::open()
{
    m_open = true;
}

void SendBatch::close()
{
    m_open = false;
    if (m_held.isEmpty())
        return;
    submit();
    m_held.clear();
    m_index.clear();
}

bool SendBatch::add(QTcpSocket *socket, const QByteArray &bytes)
{
    if (!m_open || !socket)
        return false;
    const qsizetype at = find(socket);
    if (at >= 0) {
        m_held[at].bytes += bytes;
        return true;
    }
    if (socket->bytesToWrite() > 0)
        return false;
    m_index.insert(socket, m_held.size());
    m_held.append({socket, bytes});
    return true;
}

QByteArray SendBatch::take(const QTcpSocket *socket)
{
    const qsizetype at = find(socket);
    return at >= 0 ? std::exchange(m_held[at].bytes, {}) : QByteArray();
}

qsizetype SendBatch::find(const QTcpSocket *socket) const
{
    return m_index.value(socket, -1);
}

void SendBatch::submit()
{
    QList<qsizetype> ready; // positions in m_held of the sockets the ring may write to
    QList<int> descriptors;
    QList<QByteArrayView> bytes;
    ready.reserve(m_held.size());
    descriptors.reserve(m_held.size());
    bytes.reserve(m_held.size());
    for (qsizetype i = 0; i < m_held.size(); ++i) {
        const Held &held = m_held[i];
        // A socket closed meanwhile has no descriptor (its number may already be another file's);
        // one that has bytes of its own queued must not be overtaken.
        if (held.bytes.isEmpty() || !held.socket || held.socket->state() != QAbstractSocket::ConnectedState ||
            held.socket->socketDescriptor() < 0 || held.socket->bytesToWrite() > 0)
            continue;
        ready.append(i);
        descriptors.append(static_cast<int>(held.socket->socketDescriptor()));
        bytes.append(held.bytes);
    }
    if (m_submission == Submission::Ring && !m_ringTried) {
        m_ringTried = true;
        m_ring = Ring::create();
    }
    QList<qsizetype> sent(ready.size(), 0);
    if (m_ring && !ready.isEmpty() && !m_ring->send(descriptors, bytes, sent))
        m_ring.reset();
    qsizetype next = 0;
    for (qsizetype i = 0; i < m_held.size(); ++i) {
        const bool submitted = next < ready.size() && ready[next] == i;
        handOver(m_held[i].socket, m_held[i].bytes, submitted ? sent[next] : 0);
        next += submitted ? 1 : 0;
    }
}

void SendBatch::handOver(QTcpSocket *socket, const QByteArray &bytes, qsizetype sent)
{
    if (!socket || !socket->isOpen() || sent >= bytes.size())
        return;
    if (sent == Unknown) {
        // Sending again could repeat part of an answer; the client retries on a new connection
        // (with its Idempotency-Key, if it wrote).
        socket->abort();
        return;
    }
    socket->write(sent > 0 ? bytes.sliced(sent) : bytes);
    // Now, not on the event loop's next pass.
    socket->flush();
}

} // namespace mandate::server
