// libpq's API, resolved at run time (see libpq_loader.c).
#include <postgresql/libpq-fe.h>
