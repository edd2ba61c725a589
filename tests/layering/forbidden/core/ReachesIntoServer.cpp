// A core file that includes the server: the layering check must refuse it.
#include "core/Money.h"
#include "server/store/Store.h"
