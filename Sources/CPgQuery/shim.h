#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
