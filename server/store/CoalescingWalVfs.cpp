#include "server/store/CoalescingWalVfs.h"

#include <algorithm>
#include <cstddef>
#include <mutex>
#include <new>
#include <sqlite3.h>
#include <vector>

namespace mandate::server {

namespace {

constexpr char VfsName[] = "mandate-coalescing-wal";
// Beyond this a batch's frames go out early; a decision batch writes ~100 KiB.
constexpr size_t MaxPendingBytes = 4 * 1024 * 1024;
// The unix VFS writes at most 0x1ffff bytes per call (it masks the length), so larger runs go in
// pieces of whole pages.
constexpr size_t MaxWriteBytes = 31 * 4096;

struct CoalescingFile
{
    sqlite3_file base; // first: SQLite sees this struct as a sqlite3_file
    sqlite3_file *real;
    bool wal;
    std::vector<char> *pending; // owned; only for WAL files
    sqlite3_int64 pendingOffset;
};

sqlite3_vfs *g_root = nullptr; // the default VFS this one wraps
// The WAL file whose frames this thread has gathered but not written. A connection is used by one
// thread at a time, so the barrier before its frames are published comes on the same thread.
thread_local CoalescingFile *t_gathering = nullptr;

CoalescingFile *self(sqlite3_file *file)
{
    return reinterpret_cast<CoalescingFile *>(file);
}

// A failed write keeps the frames gathered, so the commit's sync reports the failure again.
int flush(CoalescingFile *file)
{
    if (!file->pending || file->pending->empty())
        return SQLITE_OK;
    std::vector<char> &pending = *file->pending;
    for (size_t written = 0; written < pending.size();) {
        const size_t piece = std::min(pending.size() - written, MaxWriteBytes);
        const int rc =
            file->real->pMethods->xWrite(file->real, pending.data() + written, static_cast<int>(piece),
                                         file->pendingOffset + static_cast<sqlite3_int64>(written));
        if (rc != SQLITE_OK) {
            pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(written));
            file->pendingOffset += static_cast<sqlite3_int64>(written);
            return rc;
        }
        written += piece;
    }
    pending.clear();
    if (t_gathering == file)
        t_gathering = nullptr;
    return SQLITE_OK;
}

int flushGathered()
{
    return t_gathering ? flush(t_gathering) : SQLITE_OK;
}

int xClose(sqlite3_file *file)
{
    CoalescingFile *f = self(file);
    const int flushed = flush(f);
    if (t_gathering == f)
        t_gathering = nullptr;
    const int rc = f->real->pMethods->xClose(f->real);
    delete f->pending;
    f->pending = nullptr;
    return flushed != SQLITE_OK ? flushed : rc;
}

int xRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    CoalescingFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xRead(f->real, buffer, amount, offset);
}

int xWrite(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
{
    CoalescingFile *f = self(file);
    if (!f->wal)
        return f->real->pMethods->xWrite(f->real, data, amount, offset);
    std::vector<char> &pending = *f->pending;
    if (!pending.empty() && offset != f->pendingOffset + static_cast<sqlite3_int64>(pending.size())) {
        if (const int rc = flush(f); rc != SQLITE_OK)
            return rc;
    }
    if (pending.empty())
        f->pendingOffset = offset;
    const auto *bytes = static_cast<const char *>(data);
    pending.insert(pending.end(), bytes, bytes + amount);
    if (t_gathering && t_gathering != f) {
        if (const int rc = flush(t_gathering); rc != SQLITE_OK)
            return rc;
    }
    t_gathering = f;
    return pending.size() >= MaxPendingBytes ? flush(f) : SQLITE_OK;
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    CoalescingFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xTruncate(f->real, size);
}

int xSync(sqlite3_file *file, int flags)
{
    CoalescingFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xSync(f->real, flags);
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    CoalescingFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileSize(f->real, size);
}

int xLock(sqlite3_file *file, int level)
{
    return self(file)->real->pMethods->xLock(self(file)->real, level);
}

int xUnlock(sqlite3_file *file, int level)
{
    return self(file)->real->pMethods->xUnlock(self(file)->real, level);
}

int xCheckReservedLock(sqlite3_file *file, int *out)
{
    return self(file)->real->pMethods->xCheckReservedLock(self(file)->real, out);
}

int xFileControl(sqlite3_file *file, int op, void *arg)
{
    CoalescingFile *f = self(file);
    if (const int rc = flush(f); rc != SQLITE_OK)
        return rc;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}

int xSectorSize(sqlite3_file *file)
{
    return self(file)->real->pMethods->xSectorSize(self(file)->real);
}

int xDeviceCharacteristics(sqlite3_file *file)
{
    return self(file)->real->pMethods->xDeviceCharacteristics(self(file)->real);
}

int xShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    return self(file)->real->pMethods->xShmMap(self(file)->real, region, size, extend, out);
}

int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    return self(file)->real->pMethods->xShmLock(self(file)->real, offset, n, flags);
}

void xShmBarrier(sqlite3_file *file)
{
    // SQLite raises it (on the database file) right before a new WAL-index header makes frames
    // visible to other connections: they must be in the file by then. A write error is not lost:
    // the frames stay gathered and the commit's sync reports it.
    (void)flushGathered();
    self(file)->real->pMethods->xShmBarrier(self(file)->real);
}

int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    return self(file)->real->pMethods->xShmUnmap(self(file)->real, deleteFlag);
}

int xFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    return self(file)->real->pMethods->xFetch(self(file)->real, offset, amount, out);
}

int xUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    return self(file)->real->pMethods->xUnfetch(self(file)->real, offset, page);
}

const sqlite3_io_methods Methods = {
    3,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    xFetch,
    xUnfetch,
};

int xOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    CoalescingFile *f = self(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file *>(f + 1);
    f->pending = nullptr;
    f->pendingOffset = 0;
    f->wal = (flags & SQLITE_OPEN_WAL) != 0;
    const int rc = g_root->xOpen(g_root, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK || !f->real->pMethods || f->real->pMethods->iVersion < 3) {
        if (rc == SQLITE_OK && f->real->pMethods)
            f->real->pMethods->xClose(f->real);
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    if (f->wal)
        f->pending = new (std::nothrow) std::vector<char>();
    if (f->wal && !f->pending) {
        f->real->pMethods->xClose(f->real);
        return SQLITE_NOMEM;
    }
    f->base.pMethods = &Methods;
    return SQLITE_OK;
}

// Everything but opening files is the default VFS's own.
int xDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_root->xDelete(g_root, name, syncDir);
}
int xAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_root->xAccess(g_root, name, flags, out);
}
int xFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return g_root->xFullPathname(g_root, name, size, out);
}
void *xDlOpen(sqlite3_vfs *, const char *name)
{
    return g_root->xDlOpen(g_root, name);
}
void xDlError(sqlite3_vfs *, int size, char *out)
{
    g_root->xDlError(g_root, size, out);
}
void (*xDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_root->xDlSym(g_root, handle, symbol);
}
void xDlClose(sqlite3_vfs *, void *handle)
{
    g_root->xDlClose(g_root, handle);
}
int xRandomness(sqlite3_vfs *, int size, char *out)
{
    return g_root->xRandomness(g_root, size, out);
}
int xSleep(sqlite3_vfs *, int microseconds)
{
    return g_root->xSleep(g_root, microseconds);
}
int xCurrentTime(sqlite3_vfs *, double *out)
{
    return g_root->xCurrentTime(g_root, out);
}
int xGetLastError(sqlite3_vfs *, int size, char *out)
{
    return g_root->xGetLastError(g_root, size, out);
}
int xCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return g_root->xCurrentTimeInt64(g_root, out);
}

// SQLite keeps a pointer to a registered VFS for the life of the process.
sqlite3_vfs g_vfs;

} // namespace

QString CoalescingWalVfs::name()
{
    static std::once_flag once;
    static bool registered = false;
    std::call_once(once, [] {
        g_root = sqlite3_vfs_find(nullptr);
        if (!g_root || g_root->iVersion < 2)
            return;
        g_vfs = sqlite3_vfs{};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(CoalescingFile)) + g_root->szOsFile;
        g_vfs.mxPathname = g_root->mxPathname;
        g_vfs.zName = VfsName;
        g_vfs.xOpen = xOpen;
        g_vfs.xDelete = xDelete;
        g_vfs.xAccess = xAccess;
        g_vfs.xFullPathname = xFullPathname;
        g_vfs.xDlOpen = xDlOpen;
        g_vfs.xDlError = xDlError;
        g_vfs.xDlSym = xDlSym;
        g_vfs.xDlClose = xDlClose;
        g_vfs.xRandomness = xRandomness;
        g_vfs.xSleep = xSleep;
        g_vfs.xCurrentTime = xCurrentTime;
        g_vfs.xGetLastError = xGetLastError;
        g_vfs.xCurrentTimeInt64 = xCurrentTimeInt64;
        registered = sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK;
    });
    return registered ? QString::fromLatin1(VfsName) : QString();
}

} // namespace mandate::server
