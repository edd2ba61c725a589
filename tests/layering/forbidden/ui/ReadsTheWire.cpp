// A widget that parses wire JSON itself: the layering check must refuse it.
#include "models/DelegationListModel.h"

#include <QJsonObject>
