#include "core/CanonicalJson.h"

#include "core/CanonicalJsonWriter.h"

namespace mandate {

QByteArray CanonicalJson::serialize(const QJsonValue &value)
{
    CanonicalJsonWriter writer;
    writer.value(value);
    return writer.take();
}

} // namespace mandate
