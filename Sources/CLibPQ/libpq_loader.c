// libpq resolved on first use. `replint lint`, the pre-commit path, never
// talks to a database, yet linking libpq makes every start pay for loading
// it and the twenty-odd libraries it needs (most of a small lint's start-up,
// see bench/README.md). These definitions forward to the real functions,
// looked up once with dlopen/dlsym when the first one is called.
#include "CLibPQ.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static struct {
    int (*PQcancel)(PGcancel *cancel, char *errbuf, int errbufsize);
    void (*PQclear)(PGresult *res);
    char * (*PQcmdStatus)(PGresult *res);
    char * (*PQcmdTuples)(PGresult *res);
    PGconn * (*PQconnectdb)(const char *conninfo);
    void (*PQconninfoFree)(PQconninfoOption *connOptions);
    PQconninfoOption * (*PQconninfoParse)(const char *conninfo, char **errmsg);
    char * (*PQerrorMessage)(const PGconn *conn);
    char * (*PQescapeLiteral)(PGconn *conn, const char *str, size_t len);
    PGresult * (*PQexec)(PGconn *conn, const char *query);
    void (*PQfinish)(PGconn *conn);
    char * (*PQfname)(const PGresult *res, int field_num);
    void (*PQfreeCancel)(PGcancel *cancel);
    void (*PQfreemem)(void *ptr);
    PGcancel * (*PQgetCancel)(PGconn *conn);
    int (*PQgetCopyData)(PGconn *conn, char **buffer, int async);
    PGresult * (*PQgetResult)(PGconn *conn);
    int (*PQgetisnull)(const PGresult *res, int tup_num, int field_num);
    char * (*PQgetvalue)(const PGresult *res, int tup_num, int field_num);
    int (*PQnfields)(const PGresult *res);
    int (*PQntuples)(const PGresult *res);
    PGPing (*PQping)(const char *conninfo);
    int (*PQputCopyData)(PGconn *conn, const char *buffer, int nbytes);
    int (*PQputCopyEnd)(PGconn *conn, const char *errormsg);
    char * (*PQresStatus)(ExecStatusType status);
    char * (*PQresultErrorField)(const PGresult *res, int fieldcode);
    ExecStatusType (*PQresultStatus)(const PGresult *res);
    int (*PQserverVersion)(const PGconn *conn);
    int (*PQsetClientEncoding)(PGconn *conn, const char *encoding);
    PQnoticeReceiver (*PQsetNoticeReceiver)(PGconn *conn, PQnoticeReceiver proc, void *arg);
    ConnStatusType (*PQstatus)(const PGconn *conn);
    PGTransactionStatusType (*PQtransactionStatus)(const PGconn *conn);
} libpq;

static pthread_once_t libpq_once = PTHREAD_ONCE_INIT;

static void *resolve(void *handle, const char *name) {
    void *symbol = dlsym(handle, name);
    if (!symbol) {
        fprintf(stderr, "replint: libpq has no %s: %s\n", name, dlerror());
        exit(2);
    }
    return symbol;
}

static void load_libpq(void) {
    void *handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        fprintf(stderr, "replint: cannot load libpq (%s); install it: apt-get install -y libpq5\n", dlerror());
        exit(2);
    }
    *(void **)&libpq.PQcancel = resolve(handle, "PQcancel");
    *(void **)&libpq.PQclear = resolve(handle, "PQclear");
    *(void **)&libpq.PQcmdStatus = resolve(handle, "PQcmdStatus");
    *(void **)&libpq.PQcmdTuples = resolve(handle, "PQcmdTuples");
    *(void **)&libpq.PQconnectdb = resolve(handle, "PQconnectdb");
    *(void **)&libpq.PQconninfoFree = resolve(handle, "PQconninfoFree");
    *(void **)&libpq.PQconninfoParse = resolve(handle, "PQconninfoParse");
    *(void **)&libpq.PQerrorMessage = resolve(handle, "PQerrorMessage");
    *(void **)&libpq.PQescapeLiteral = resolve(handle, "PQescapeLiteral");
    *(void **)&libpq.PQexec = resolve(handle, "PQexec");
    *(void **)&libpq.PQfinish = resolve(handle, "PQfinish");
    *(void **)&libpq.PQfname = resolve(handle, "PQfname");
    *(void **)&libpq.PQfreeCancel = resolve(handle, "PQfreeCancel");
    *(void **)&libpq.PQfreemem = resolve(handle, "PQfreemem");
    *(void **)&libpq.PQgetCancel = resolve(handle, "PQgetCancel");
    *(void **)&libpq.PQgetCopyData = resolve(handle, "PQgetCopyData");
    *(void **)&libpq.PQgetResult = resolve(handle, "PQgetResult");
    *(void **)&libpq.PQgetisnull = resolve(handle, "PQgetisnull");
    *(void **)&libpq.PQgetvalue = resolve(handle, "PQgetvalue");
    *(void **)&libpq.PQnfields = resolve(handle, "PQnfields");
    *(void **)&libpq.PQntuples = resolve(handle, "PQntuples");
    *(void **)&libpq.PQping = resolve(handle, "PQping");
    *(void **)&libpq.PQputCopyData = resolve(handle, "PQputCopyData");
    *(void **)&libpq.PQputCopyEnd = resolve(handle, "PQputCopyEnd");
    *(void **)&libpq.PQresStatus = resolve(handle, "PQresStatus");
    *(void **)&libpq.PQresultErrorField = resolve(handle, "PQresultErrorField");
    *(void **)&libpq.PQresultStatus = resolve(handle, "PQresultStatus");
    *(void **)&libpq.PQserverVersion = resolve(handle, "PQserverVersion");
    *(void **)&libpq.PQsetClientEncoding = resolve(handle, "PQsetClientEncoding");
    *(void **)&libpq.PQsetNoticeReceiver = resolve(handle, "PQsetNoticeReceiver");
    *(void **)&libpq.PQstatus = resolve(handle, "PQstatus");
    *(void **)&libpq.PQtransactionStatus = resolve(handle, "PQtransactionStatus");
}

int PQcancel(PGcancel *cancel, char *errbuf, int errbufsize) { pthread_once(&libpq_once, load_libpq); return libpq.PQcancel(cancel, errbuf, errbufsize); }
void PQclear(PGresult *res) { pthread_once(&libpq_once, load_libpq); libpq.PQclear(res); }
char * PQcmdStatus(PGresult *res) { pthread_once(&libpq_once, load_libpq); return libpq.PQcmdStatus(res); }
char * PQcmdTuples(PGresult *res) { pthread_once(&libpq_once, load_libpq); return libpq.PQcmdTuples(res); }
PGconn * PQconnectdb(const char *conninfo) { pthread_once(&libpq_once, load_libpq); return libpq.PQconnectdb(conninfo); }
void PQconninfoFree(PQconninfoOption *connOptions) { pthread_once(&libpq_once, load_libpq); libpq.PQconninfoFree(connOptions); }
PQconninfoOption * PQconninfoParse(const char *conninfo, char **errmsg) { pthread_once(&libpq_once, load_libpq); return libpq.PQconninfoParse(conninfo, errmsg); }
char * PQerrorMessage(const PGconn *conn) { pthread_once(&libpq_once, load_libpq); return libpq.PQerrorMessage(conn); }
char * PQescapeLiteral(PGconn *conn, const char *str, size_t len) { pthread_once(&libpq_once, load_libpq); return libpq.PQescapeLiteral(conn, str, len); }
PGresult * PQexec(PGconn *conn, const char *query) { pthread_once(&libpq_once, load_libpq); return libpq.PQexec(conn, query); }
void PQfinish(PGconn *conn) { pthread_once(&libpq_once, load_libpq); libpq.PQfinish(conn); }
char * PQfname(const PGresult *res, int field_num) { pthread_once(&libpq_once, load_libpq); return libpq.PQfname(res, field_num); }
void PQfreeCancel(PGcancel *cancel) { pthread_once(&libpq_once, load_libpq); libpq.PQfreeCancel(cancel); }
void PQfreemem(void *ptr) { pthread_once(&libpq_once, load_libpq); libpq.PQfreemem(ptr); }
PGcancel * PQgetCancel(PGconn *conn) { pthread_once(&libpq_once, load_libpq); return libpq.PQgetCancel(conn); }
int PQgetCopyData(PGconn *conn, char **buffer, int async) { pthread_once(&libpq_once, load_libpq); return libpq.PQgetCopyData(conn, buffer, async); }
PGresult * PQgetResult(PGconn *conn) { pthread_once(&libpq_once, load_libpq); return libpq.PQgetResult(conn); }
int PQgetisnull(const PGresult *res, int tup_num, int field_num) { pthread_once(&libpq_once, load_libpq); return libpq.PQgetisnull(res, tup_num, field_num); }
char * PQgetvalue(const PGresult *res, int tup_num, int field_num) { pthread_once(&libpq_once, load_libpq); return libpq.PQgetvalue(res, tup_num, field_num); }
int PQnfields(const PGresult *res) { pthread_once(&libpq_once, load_libpq); return libpq.PQnfields(res); }
int PQntuples(const PGresult *res) { pthread_once(&libpq_once, load_libpq); return libpq.PQntuples(res); }
PGPing PQping(const char *conninfo) { pthread_once(&libpq_once, load_libpq); return libpq.PQping(conninfo); }
int PQputCopyData(PGconn *conn, const char *buffer, int nbytes) { pthread_once(&libpq_once, load_libpq); return libpq.PQputCopyData(conn, buffer, nbytes); }
int PQputCopyEnd(PGconn *conn, const char *errormsg) { pthread_once(&libpq_once, load_libpq); return libpq.PQputCopyEnd(conn, errormsg); }
char * PQresStatus(ExecStatusType status) { pthread_once(&libpq_once, load_libpq); return libpq.PQresStatus(status); }
char * PQresultErrorField(const PGresult *res, int fieldcode) { pthread_once(&libpq_once, load_libpq); return libpq.PQresultErrorField(res, fieldcode); }
ExecStatusType PQresultStatus(const PGresult *res) { pthread_once(&libpq_once, load_libpq); return libpq.PQresultStatus(res); }
int PQserverVersion(const PGconn *conn) { pthread_once(&libpq_once, load_libpq); return libpq.PQserverVersion(conn); }
int PQsetClientEncoding(PGconn *conn, const char *encoding) { pthread_once(&libpq_once, load_libpq); return libpq.PQsetClientEncoding(conn, encoding); }
PQnoticeReceiver PQsetNoticeReceiver(PGconn *conn, PQnoticeReceiver proc, void *arg) { pthread_once(&libpq_once, load_libpq); return libpq.PQsetNoticeReceiver(conn, proc, arg); }
ConnStatusType PQstatus(const PGconn *conn) { pthread_once(&libpq_once, load_libpq); return libpq.PQstatus(conn); }
PGTransactionStatusType PQtransactionStatus(const PGconn *conn) { pthread_once(&libpq_once, load_libpq); return libpq.PQtransactionStatus(conn); }
