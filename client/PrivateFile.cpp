#include "client/PrivateFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mandate::client {

bool createPrivateFile(const QString &file, QString *error)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (!f.exists() && !f.open(QIODevice::WriteOnly)) {
        *error = f.errorString();
        return false;
    }
    f.close();
    if (!f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace mandate::client
