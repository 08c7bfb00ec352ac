#!/usr/bin/env python3
"""Expands families.py into corpus.jsonl: one object a line, {id, family, source, split, text, keep}.

Secrets stay as {{NAME}} placeholders (filled at test time from a seeded RNG). What must stay is listed in
`keep`: every value drawn from a keepable pool that occurs in the text (hosts, ports, databases, users,
paths, selectors, ids, digests...), plus each family's literal keeps. The held-out fifth is chosen by the
hash of the FAMILY (so that no variant of a held-out format is seen while tuning), before any tuning."""
import base64
import hashlib
import json
import random
import re
import string
import sys

sys.path.insert(0, __file__.rsplit('/', 1)[0])
from families import FAMILIES, POOLS  # noqa: E402

# `build.py 2` builds the second collection (families2.py, gathered in session 6) into failure-output-2.jsonl with
# the same template language, keep rules and split; without an argument, the first one, as before.
COLLECTION = sys.argv[1] if len(sys.argv) > 1 else "1"
if COLLECTION == "2":
    import families2  # noqa: E402
    FAMILIES = families2.FAMILIES
    POOLS.update(families2.POOLS)
# `build.py 3` builds the third collection (families3.py, gathered in session 7) into failure-output-3.jsonl, the same way.
if COLLECTION == "3":
    import families3  # noqa: E402
    FAMILIES = families3.FAMILIES
    POOLS.update(families3.POOLS)
# `build.py 4` builds the fourth collection (families4.py, gathered in session 8) into failure-output-4.jsonl, the same way.
if COLLECTION == "4":
    import families4  # noqa: E402
    FAMILIES = families4.FAMILIES
    POOLS.update(families4.POOLS)
# `build.py 5` builds the fifth collection (families5.py, gathered in session 9) into failure-output-5.jsonl, the same way.
if COLLECTION == "5":
    import families5  # noqa: E402
    FAMILIES = families5.FAMILIES
    POOLS.update(families5.POOLS)
# `build.py 6` builds the sixth collection (families6.py, gathered in session 10) into failure-output-6.jsonl, the same
# way, except that a THIRD of its families is held out (SHA-1 of the name 0 mod 3), not a fifth.
if COLLECTION == "6":
    import families6  # noqa: E402
    FAMILIES = families6.FAMILIES
    POOLS.update(families6.POOLS)
# `build.py 7` builds the seventh collection (families7.py, gathered in session 11) into failure-output-7.jsonl, the same
# way as the sixth (a THIRD of its families held out by the SHA-1 of the name).
if COLLECTION == "7":
    import families7  # noqa: E402
    FAMILIES = families7.FAMILIES
    POOLS.update(families7.POOLS)
# `build.py 8` builds the eighth collection (families8.py, gathered in session 12) into failure-output-8.jsonl, the same
# way as the sixth and seventh (a THIRD of its families held out by the SHA-1 of the name).
if COLLECTION == "8":
    import families8  # noqa: E402
    FAMILIES = families8.FAMILIES
    POOLS.update(families8.POOLS)
# `build.py 9` builds the ninth collection (families9.py, gathered in session 13) into failure-output-9.jsonl, the same
# way as the sixth to eighth (a THIRD of its families held out by the SHA-1 of the name).
if COLLECTION == "9":
    import families9  # noqa: E402
    FAMILIES = families9.FAMILIES
    POOLS.update(families9.POOLS)
# `build.py 10` builds the tenth collection (families10.py, gathered in session 14) into failure-output-10.jsonl, the same
# way as the sixth to ninth (a THIRD of its families held out by the SHA-1 of the name).
if COLLECTION == "10":
    import families10  # noqa: E402
    FAMILIES = families10.FAMILIES
    POOLS.update(families10.POOLS)
# `build.py 11` builds the eleventh collection (families11.py, gathered in session 15) into failure-output-11.jsonl, the
# same way as the sixth to tenth (a THIRD of its families held out by the SHA-1 of the name).
if COLLECTION == "11":
    import families11  # noqa: E402
    FAMILIES = families11.FAMILIES
    POOLS.update(families11.POOLS)
# `build.py 12` builds the twelfth collection (families12.py, gathered in session 16) into failure-output-12.jsonl, the
# same way as the sixth to eleventh (a THIRD of its families held out by the SHA-1 of the name).
if COLLECTION == "12":
    import families12  # noqa: E402
    FAMILIES = families12.FAMILIES
    POOLS.update(families12.POOLS)
# `build.py 13` builds the thirteenth collection (families13.py, gathered in session 17) into failure-output-13.jsonl, the
# same way as the sixth to twelfth (a THIRD of its families held out by the SHA-1 of the name); at least two thirds of its
# families come from the mainstream tools a failing test run prints, each in a message shape no earlier collection has.
if COLLECTION == "13":
    import families13  # noqa: E402
    FAMILIES = families13.FAMILIES
    POOLS.update(families13.POOLS)
# `build.py 14` builds the fourteenth collection (families14.py, gathered in session 18) into failure-output-14.jsonl, the
# same way as the thirteenth (a THIRD of its families held out by the SHA-1 of the name; at least two thirds of them from
# the mainstream tools a failing test run prints, each in a message shape none of the thirteen has).
if COLLECTION == "14":
    import families14  # noqa: E402
    FAMILIES = families14.FAMILIES
    POOLS.update(families14.POOLS)
# `build.py 15` builds the fifteenth collection (families15.py, gathered in session 19) into failure-output-15.jsonl, the
# same way as the fourteenth (a THIRD of its families held out by the SHA-1 of the name; at least 85% of them from the
# mainstream tools a failing test run prints, each in a message shape none of the fourteen has).
if COLLECTION == "15":
    import families15  # noqa: E402
    FAMILIES = families15.FAMILIES
    POOLS.update(families15.POOLS)
# `build.py 16` builds the sixteenth collection (families16.py, gathered in session 20) into failure-output-16.jsonl, the
# same way as the fifteenth (a THIRD of its families held out by the SHA-1 of the name; the mainstream tools a failing
# test run prints, each in a message shape none of the fifteen has).
if COLLECTION == "16":
    import families16  # noqa: E402
    FAMILIES = families16.FAMILIES
    POOLS.update(families16.POOLS)
# `build.py 17` builds the seventeenth collection (families17.py, gathered in session 21) into failure-output-17.jsonl, the
# same way as the sixteenth (a THIRD of its families held out by the SHA-1 of the name; the mainstream tools a failing
# test run prints, each in a message shape none of the sixteen has).
if COLLECTION == "17":
    import families17  # noqa: E402
    FAMILIES = families17.FAMILIES
    POOLS.update(families17.POOLS)
# `build.py 18` builds the eighteenth collection (families18.py, gathered in session 22) into failure-output-18.jsonl, the
# same way as the seventeenth (a THIRD of its families held out by the SHA-1 of the name; the mainstream tools a failing
# test run prints, each in a message shape none of the seventeen has).
if COLLECTION == "18":
    import families18  # noqa: E402
    FAMILIES = families18.FAMILIES
    POOLS.update(families18.POOLS)
# `build.py 19` builds the nineteenth collection (families19.py, gathered in session 23) into failure-output-19.jsonl, the
# same way as the eighteenth (a THIRD of its families held out by the SHA-1 of the name; the mainstream tools a failing
# test run prints, each in a message shape none of the eighteen has), with AUTO_KEEP on (see `auto_keep`).
if COLLECTION == "19":
    import families19  # noqa: E402
    FAMILIES = families19.FAMILIES
    POOLS.update(families19.POOLS)
# `build.py 20` builds the twentieth collection (families20.py, gathered in session 24) into failure-output-20.jsonl, the
# same way as the nineteenth (a THIRD of its families held out by the SHA-1 of the name; the mainstream tools a failing
# test run or a CI job prints, each in a message shape none of the nineteen has), with AUTO_KEEP on.
if COLLECTION == "20":
    import families20  # noqa: E402
    FAMILIES = families20.FAMILIES
    POOLS.update(families20.POOLS)
# `build.py 21` builds the twenty-first collection (families21.py, gathered in session 25) into failure-output-21.jsonl,
# the same way as the twentieth (a THIRD of its families held out by the SHA-1 of the name; the mainstream tools a failing
# test run or a CI job prints, each in a message shape none of the twenty has), with AUTO_KEEP on.
if COLLECTION == "21":
    import families21  # noqa: E402
    FAMILIES = families21.FAMILIES
    POOLS.update(families21.POOLS)
# `build.py 22` builds the twenty-second collection (families22.py, gathered in session 26) into failure-output-22.jsonl,
# the same way as the twenty-first (a THIRD of its families held out by the SHA-1 of the name; the mainstream tools a
# failing test run or a CI job prints, each in a message shape none of the twenty-one has), with AUTO_KEEP on.
if COLLECTION == "22":
    import families22  # noqa: E402
    FAMILIES = families22.FAMILIES
    POOLS.update(families22.POOLS)
# `build.py 23` builds the twenty-third collection (families23.py, gathered in session 27) into failure-output-23.jsonl,
# the same way as the twenty-second (a THIRD of its families held out by the SHA-1 of the name; the mainstream tools a
# failing test run or a CI job prints, each in a message shape none of the twenty-two has), with AUTO_KEEP on.
if COLLECTION == "23":
    import families23  # noqa: E402
    FAMILIES = families23.FAMILIES
    POOLS.update(families23.POOLS)
HELD_OUT_MODULUS = 3 if COLLECTION in ("6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
                                       "20", "21", "22", "23") else 5
# From the nineteenth collection on, the strings to keep also come from the text itself (`auto_keep`): every line with no
# planted value (AUTO_LINE characters or more, stripped) and every fixed stretch between planted values (AUTO_STRETCH or
# more, stripped) is something the operator needs to read; the earlier collections listed these by hand.
AUTO_KEEP = COLLECTION in ("19", "20", "21", "22", "23")
AUTO_LINE = 12
AUTO_STRETCH = 12

KEEP_FIELDS = {"dbhost", "pgport", "myport", "db", "dbuser", "apihost", "apipath", "redishost", "mongohost", "amqphost",
               "vhost", "bucket", "region", "ns", "pod", "image", "repo", "spec", "selector", "rolename", "url_path",
               "javapkg", "errcode", "user", "gcpproj", "azacct", "azcontainer", "pkg", "pkgver", "ldaphost",
               "ftphost", "table", "cookiedomain", "nginxpath", "uuid", "sha", "sha7", "hex", "hex16u", "alnum",
               "upper", "num", "num18", "b64", "b64url", "reqid", "port", "b64user", "svcc", "javapkgpath", "node",
               "pwver", "kafkahost", "topic", "tfres", "nodehost", "chart", "release", "winhost", "container", "jar",
               "gcsbucket", "pyfile", "pyfunc", "celeryapp", "basedn", "constraint"}
if COLLECTION == "3":
    KEEP_FIELDS |= {"esnode", "wgiface", "influxorg", "snowacct", "warehouse", "dbxhost", "oktadomain", "bmchost",
                    "snmphost", "wpsite", "ppkcomment", "sshhost", "sshuser", "ftphost"}
if COLLECTION == "4":
    KEEP_FIELDS |= {"esnode", "snmphost", "wpsite", "sshhost", "sshuser", "nbdir", "wifi", "k8sapi", "mailhost", "share",
                    "kchost", "realm", "connid", "runner", "keyalias"}
if COLLECTION == "5":
    KEEP_FIELDS |= {"esnode", "snmphost", "wpsite", "sshhost", "sshuser", "k8sapi", "mailhost", "kchost", "realm",
                    "bkorg", "bkpipeline", "fbproject", "azvault", "stsrole", "account12", "composeproj", "fixture",
                    "djapp", "wdsession"}
if COLLECTION == "6":
    KEEP_FIELDS |= {"sshhost", "sshuser", "k8sapi", "mailhost", "gomod", "crate", "exapp", "tcbuild", "argowf", "tfoutput",
                    "helmrel", "packersrc", "mongouser", "redisuser", "topic6", "queue", "tcjdbc", "containerid", "unit",
                    "mailid", "snapname"}
if COLLECTION == "7":
    KEEP_FIELDS |= {"sshhost", "sshuser", "k8sapi", "mailhost", "kchost", "realm", "containerid", "account12", "stsrole",
                    "mongohost", "feignclient", "gatlingsim", "appiumdev", "gridnode", "cucfeature", "robotsuite", "gqlop",
                    "jmxlabel", "kcclient", "azapp", "secretname", "ghhost", "allureuuid"}
if COLLECTION == "8":
    KEEP_FIELDS |= {"sshhost", "sshuser", "mailhost", "gomod", "crate", "unit", "fbproject", "saname", "kcclient", "ghhost",
                    "gotest", "dotnettest", "csproj", "phpunittest", "rspecfile", "androidpkg", "mqtthost", "mqtttopic",
                    "cashost", "keyspace", "dataset", "eshost", "esindex", "supaproj", "agerecip", "xcclass"}
if COLLECTION == "9":
    KEEP_FIELDS |= {"sshhost", "sshuser", "mailhost", "kchost", "realm", "containerid", "account12", "stsrole", "unit",
                    "influxorg", "eshost", "wifi", "runner", "mailid", "kcclient", "ghhost", "gotest", "jtest", "natshost",
                    "orasvc", "orahost", "krbrealm", "vpnhost", "cijob", "lambdafn", "pipeline", "neohost", "etcdhost",
                    "proxyhost", "pyclass", "jobclass", "grpcmethod", "soapop", "tracehex"}
if COLLECTION == "10":
    KEEP_FIELDS |= {"sshhost", "sshuser", "mailhost", "jtest", "tracehex", "eshost", "runner", "secretname", "keyalias",
                    "ghowner", "dataset", "detoxcfg", "maestroflow", "behavefeat", "cestclass", "rbtest", "cppsuite",
                    "toxenv", "bazeltarget", "story", "gaugespec", "hoverhost", "odoodb", "magehost", "lokihost",
                    "splunkhost", "zipkinsvc", "spanid", "xcproj", "appid", "gdtest", "rpproject", "rphost", "dartfile",
                    "denofile", "bunfile", "mntest", "semgreprule", "ecrhost", "csproj"}
if COLLECTION == "11":
    KEEP_FIELDS |= {"mailhost", "tracehex", "spanid", "ecrhost", "account12", "mongouser", "mongohost", "rspecfile",
                    "pipeline", "gqlop", "queue", "artscenario", "pollyrec", "uvufile", "goservice", "gofile", "gotest",
                    "rustcrate", "dwapp", "mongocoll", "solrcore", "hasurarole", "bullqueue", "pulsartopic", "twf", "tq",
                    "inngestfn", "rpcluster", "nestctrl", "nextroute", "cognitopool", "clerktrace", "merchant",
                    "kanikodest", "skaffoldprof", "tiltres", "earthtarget", "daggerfn", "semproj", "cfpipeline",
                    "workername", "linodeid", "hcloudctx", "scwproj", "ocitenancy", "mmhost", "jaegersvc", "dagsterjob",
                    "meilihost", "spinacct", "chambersvc", "fp", "jtest", "secretname"}
if COLLECTION == "12":
    KEEP_FIELDS |= {"mailhost", "tracehex", "ecrhost", "account12", "containerid", "secretname", "unit", "orahost",
                    "orasvc", "realm", "swiftsuite", "dartfile", "xcclass", "hsmod", "rpkg", "ctsuite", "ctnode", "perlt",
                    "luaspec", "cljns", "brufile", "stepwf", "percybuild", "bssession", "dbtmodel", "dbtproj",
                    "obanqueue", "obanworker", "hfjob", "asynqtype", "varnishbe", "tykapi", "tykorg", "l5dsvc", "zuuljob",
                    "zuulproj", "rdjob", "rdproj", "avproj", "minikprof", "daprapp", "kedaso", "evtchan", "pesterfile",
                    "phxmod", "vaporroute", "cakectrl", "tornhandler", "jvroute", "qunitmod", "zigtest", "nimsuite",
                    "dunitfix", "coboltest", "microcksvc", "toxiproxy", "ghzcall", "kinesisstream", "sbqueue", "sbns",
                    "quartzjob", "faktoryq", "dramactor", "sanicapp", "mojoroute", "ciroute", "http4sroute",
                    "yesodroute", "sinroute", "actixroute", "amqphost", "vhost"}
if COLLECTION == "13":
    KEEP_FIELDS |= {"mailhost", "tracehex", "spanid", "account12", "containerid", "secretname", "privip", "jestfile",
                    "vitestfile", "wdiospec", "cyspec", "pwproject", "mvnmodule", "junitclass", "testngclass", "gopkg",
                    "minitestcase", "nunittest", "ghjob", "gljob", "jenkinsjob", "ciproj", "composesvc", "helmchart",
                    "djangoview", "railsctrl", "nestctx", "nextroute", "aspctx", "mongocoll", "rabbitq", "sentryproj",
                    "ddservice", "npmscope", "cratename", "gemname", "stripereq", "auth0tenant", "oktaorg", "fbproject",
                    "gqlm", "k8sdeploy", "tfmodule", "lambdaname", "otelsvc", "pgconstraint", "sqlsrvdb", "sqlsrvhost",
                    "gotest", "rspecfile", "dotnettest", "csproj", "phpunittest", "amqphost", "vhost"}
if COLLECTION == "14":
    KEEP_FIELDS |= {"mailhost", "tracehex", "spanid", "account12", "containerid", "secretname", "privip", "jestfile",
                    "cyspec", "pwproject", "mvnmodule", "gotest", "gofile", "rspecfile", "csproj", "pyclass", "dartfile",
                    "sqlsrvhost", "sqlsrvdb", "pgconstraint", "mongocoll", "mongouser", "mongohost", "k8sdeploy",
                    "fbproject", "npmscope", "stsrole", "ghowner", "redisuser", "proxyhost", "sbns", "k8sapi", "djapp",
                    "fixture", "mochafile", "cyalias", "djmodel", "gomigdir", "lvtable", "ghsvc", "k8sns", "k8scluster",
                    "tfvar", "webapp", "azrg", "fbfn", "kafkaclient", "nrapp", "iosbundle", "iossim", "matchrepo",
                    "allurename", "slssvc", "slsstage", "funcname", "herokuapp", "vercelproj", "gqlpath", "logger",
                    "mailerclass", "flywayver", "alembicrev", "rnapp", "dartpkg", "prismop", "keplotest", "backstopscn",
                    "hoppcoll", "tkwf", "gardenact", "zaprule", "trivytarget", "infisicalenv", "symfonyenv", "psapp"}
if COLLECTION == "15":
    KEEP_FIELDS |= {"mailhost", "tracehex", "spanid", "account12", "containerid", "privip", "gotest", "gofile", "gopkg",
                    "dartfile", "darttest", "nunitfix", "pestfile", "exmod", "exfile", "swifttest", "ktspec", "scalaspec",
                    "ruststest", "junitclass", "dotnettest", "csproj", "javapkg", "azstage", "azsvcconn", "bbpipe",
                    "argoapp", "jenkinsjob", "tcbuildtype", "bkqueue", "bkorg", "bkpipeline", "runner", "ciproj",
                    "ghowner", "pulumistack", "cdkstack", "samfn", "slssvc", "gcpproj", "pubsubtopic", "consulpath",
                    "vaultpath", "helmrelease", "k8sns", "ansiblehost", "sshhost", "sshuser", "registry", "orahost",
                    "orapdb", "sqlsrvhost", "sqlsrvdb", "chhost", "chdb", "eshost", "esidx", "cashost", "cqlks",
                    "rmquser", "rabbitq", "natshost", "natssubj", "sqsqueue", "saname", "sentinelmaster", "ddsvc",
                    "otelsvc", "grafanads", "sentryproj", "iosbundle", "xcuitest", "detoxcfg", "detoxtest", "appiumdev",
                    "apkpkg", "andtest", "rnapp", "fastroute", "efentity", "mnbean", "mntest", "railsparam", "nextpage",
                    "r2dbcrepo", "mvnmodule", "phxapp", "flaskbp", "hurlfile", "venomsuite", "amqphost", "vhost"}
if COLLECTION == "16":
    KEEP_FIELDS |= {"mailhost", "tracehex", "spanid", "privip", "javapkg", "logger", "k8sns", "sqlsrvhost", "sqlsrvdb",
                    "mongouser", "mongocoll", "redisuser", "kchost", "realm", "kcclient", "oktadomain", "auth0tenant",
                    "supaproj", "jestfile", "cucfeature", "robotsuite", "behavefeat", "djapp", "amqphost", "vhost",
                    "nodeapp", "nodehostname", "nlogger", "gocaller", "gofunc", "serilogsrc", "monochannel",
                    "fastifyroute", "railsctrl16", "railspath", "pymod", "cucscenario", "pytestnode", "rbclass", "ngspec",
                    "groovyspec", "mochaspec", "gtestname", "phpclass", "wdiospec16", "androidcls", "haproxyfe",
                    "haproxybe", "envoycluster", "upstreamname", "faradayhost", "ddbtable", "fscoll", "supatable",
                    "kafkaclientid", "redisport", "hibentity", "seqmodel", "sfhost", "shopdomain", "mgdomain",
                    "auth0client", "fbapp", "ua"}
if COLLECTION == "17":
    KEEP_FIELDS |= {"kpkg", "csns", "pyapp", "gomodpath", "exapp17", "swiftmod", "dartpkg17", "phpns", "ghrepo", "ghaction",
                    "jstage", "credid", "adotask", "awscmd", "tfstatekey", "tfbackendbucket", "slsfn", "lambdahandler",
                    "xcscheme", "fllane", "appiumcap", "avdserial", "fluttertest", "vitefile", "viteproxy",
                    "nextprovider", "nitroroute", "ngproj", "sbstory", "sqsqueue17", "pubsubsub", "celerytask",
                    "sidekiqjob", "bullq", "resquejob", "sbqueue17", "kafkabroker", "natsurl", "mqmgmt", "pgdbloc",
                    "mysqlhost", "kotestspec", "shouldlytest", "trutharg", "hamtest", "phptest", "gotestname",
                    "gofile17", "rsstruct", "rsfile", "privip", "tracehex", "mailhost", "logger", "nodehostname",
                    "rmquser", "natshost", "redisuser", "account12", "saname", "azrg", "registry", "jenkinsjob",
                    "helmrel", "samfn", "iossim", "andtest", "apkpkg", "jestfile", "mochaspec", "pyfile", "pyfunc",
                    "djapp", "sqlsrvhost", "sqlsrvdb", "sbns", "pubsubtopic", "sbport", "amqphost", "vhost",
                    "redisport", "pipeline"}
if COLLECTION == "18":
    KEEP_FIELDS |= {"okpath", "hcex", "pyhost", "axurl", "gosvc", "netclient", "raspec", "karatefeat", "pmcoll", "k6script",
                    "gatsim", "jmxfile", "cyspec18", "wdiospec", "seltest", "robotsuite", "cucstep", "sfproj", "tcfixture",
                    "nwtest", "pptrurl", "hibentity18", "eftable", "prismamodel", "gofile18", "seqtable",
                    "ectorepo", "mongodb18", "sqlsrv18", "cashost18", "railsctl", "railspath", "fastroute18", "flaskroute",
                    "aspnetroute", "expressroute", "phxroute", "ctrname", "composeproj18", "k8sdeploy18", "k8sns18",
                    "skaffoldimg", "tiltres", "pgdb18", "mydb18", "djapp18", "uuidu", "dbhost", "pgport", "db", "dbuser",
                    "apihost", "apipath", "mysqlhost", "myport", "mongohost", "mongouser", "redishost", "privip",
                    "faradayhost", "pyapp", "swiftmod", "mailhost", "image", "pod", "containerid", "sha", "sha7"}
if COLLECTION == "19":
    KEEP_FIELDS |= {"pytest19", "jestfile19", "javatest19", "gotest19", "rstest19", "csproj19", "phpfile19", "rbspec19",
                    "ghrepo19", "ghjob19", "glproject19", "jenkinsjob19", "argoapp19", "tfres19", "ansiblehost19",
                    "iosscheme19", "bundleid19", "androidpkg19", "celerytask19", "sidekiqjob19", "bullqueue19",
                    "kafkatopic19", "kafkabroker19", "rmqhost19", "gcpproject19", "awsregion19", "azrg19", "tektontask19",
                    "buildkitepipe19", "circlejob19", "flutterfile19", "rnapp19", "hostname19", "sqlsrv18", "k8sns18",
                    "dbhost", "pgport", "db", "dbuser", "mysqlhost", "myport", "redishost", "privip", "bucket", "ns",
                    "uuid", "sha7"}
if COLLECTION == "20":
    KEEP_FIELDS |= {"svc20", "otlphost20", "idphost20", "realm20", "client20", "airflowdag20", "airflowtask20", "dbtmodel20",
                    "sfacct20", "sfwh20", "bqproject20", "rshost20", "stack20", "cdkstack20", "chefnode20", "kongsvc20",
                    "upstream20", "gqlop20", "grpcsvc20", "wsdlhost20", "nupkg20", "csproj20", "iissite20", "mlexp20",
                    "nbpath20", "saltminion20", "hostname19", "pytest19", "javatest19", "ghrepo19", "glproject19",
                    "ansiblehost19", "awsregion19", "dbhost", "pgport", "db", "dbuser", "mysqlhost", "myport", "mongohost",
                    "privip", "bucket", "apihost", "sqlsrvhost", "azvault", "ecrhost", "ldaphost", "basedn", "pod", "uuid",
                    "sha7"}
if COLLECTION == "21":
    KEEP_FIELDS |= {"svc21", "host21", "ver21", "build21", "model21", "table21", "queue21", "topic21", "group21",
                    "gradletask21", "mvnart21", "npmpkg21", "crate21", "gomod21", "chart21", "k8sns21", "image21",
                    "awsreg21", "flyapp21", "spec21", "wdspec21", "kafkabroker19", "ghrepo19", "gcpproject19", "dbhost",
                    "pgport", "db", "dbuser", "mysqlhost", "myport", "redishost", "amqphost", "privip", "sqlsrvhost",
                    "k8sapi", "azrg", "account12", "uuid", "sha", "sha7"}
if COLLECTION == "22":
    KEEP_FIELDS |= {"svc22", "host22", "ver22", "build22", "proj22", "pyfile22", "jsfile22", "rbspec22", "gopkg22",
                    "phpfile22", "route22", "k8sns22", "app22", "branch22", "awsreg21", "image21", "dbhost", "pgport",
                    "db", "dbuser", "mysqlhost", "myport", "redishost", "privip", "sqlsrvhost", "account12", "uuid",
                    "sha", "sha7"}
if COLLECTION == "23":
    KEEP_FIELDS |= {"svc23", "host23", "ver23", "jsfile23", "pyfile23", "gofile23", "proj23", "stack23", "topic23",
                    "queue23", "reqid23", "pkg23", "realm23", "awsreg21", "image21", "dbhost", "pgport", "db", "dbuser",
                    "mysqlhost", "myport", "redishost", "mongohost", "amqphost", "ldaphost", "basedn", "privip",
                    "sqlsrvhost", "account12", "uuid", "sha", "sha7"}
MIN_KEEP = 5   # shorter values are checked through a longer literal keep, not alone
APP_PORTS = ["3000", "8080", "4173", "5173", "8443", "9090"]


def base_of(field):
    m = re.fullmatch(r"([a-z_]+?\d*?)(\d*|b)", field)
    name = field
    for suffix in ("b", "2", "3"):
        if name.endswith(suffix) and (name[:-1] in POOLS or re.fullmatch(r"(uuid|sha7|line|num|mongohost|pkgver|hex64|b64_86)", name[:-1])):
            return name[:-1]
    return name


def draw(field, r, values):
    b = base_of(field)
    if b in POOLS:
        pool = POOLS[b]
        taken = {v for k, v in values.items() if base_of(k) == b}
        choices = [p for p in pool if p not in taken] or pool
        return r.choice(choices)
    if b == "uuid":
        return "%08x-%04x-4%03x-%04x-%012x" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(12),
                                              0x8000 | r.getrandbits(14), r.getrandbits(48))
    if b == "sha":
        return "%040x" % r.getrandbits(160)
    if b == "sha7":
        return "%07x" % r.getrandbits(28)
    m = re.fullmatch(r"hex(\d+)(u?)", b)
    if m:
        n = int(m.group(1))
        v = "".join(r.choice("0123456789abcdef") for _ in range(n))
        return v.upper() if m.group(2) else v
    m = re.fullmatch(r"alnum(\d+)", b)
    if m:
        return "".join(r.choice(string.ascii_letters + string.digits) for _ in range(int(m.group(1))))
    m = re.fullmatch(r"lower(\d+)", b)  # the eleventh collection's ids of small letters and digits; no earlier one uses it
    if m:
        return "".join(r.choice(string.ascii_lowercase + string.digits) for _ in range(int(m.group(1))))
    m = re.fullmatch(r"upper(\d+)", b)
    if m:
        return "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(int(m.group(1))))
    m = re.fullmatch(r"b64_(\d+)", b)
    if m:
        return "".join(r.choice(string.ascii_letters + string.digits + "+/") for _ in range(int(m.group(1))))
    m = re.fullmatch(r"b64url(\d+)", b)
    if m:
        return "".join(r.choice(string.ascii_letters + string.digits + "-_") for _ in range(int(m.group(1))))
    if b == "num":
        return str(r.randint(10000, 9999999))
    if b == "num18":
        return str(r.randint(10 ** 17, 10 ** 18 - 1))
    if b == "reqid":
        return r.choice(["req_", "", "01HW"]) + "".join(r.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(22))
    if b == "port":
        return r.choice(APP_PORTS)
    if b == "b64user":
        return base64.b64encode(values.setdefault("dbuser", r.choice(POOLS["dbuser"])).encode()).decode()
    if b == "svcc":
        return values.setdefault("svc", r.choice(POOLS["svc"])).capitalize()
    if b == "javapkgpath":
        return values.setdefault("javapkg", r.choice(POOLS["javapkg"])).replace(".", "/")
    raise KeyError("no pool for field " + field)


def keepable(b):
    return b in KEEP_FIELDS or re.fullmatch(r"(hex\d+u?|alnum\d+|upper\d+|b64_\d+|b64url\d+)", b) is not None


HERE = __file__.rsplit("/", 1)[0]
OUT = HERE + "/../resources/redaction/failure-output" + ("" if COLLECTION == "1" else "-" + COLLECTION) + ".jsonl"


FIELD = re.compile(r"\$\{([a-z_][a-z0-9_]*)\}")


def expand(template, r, values):
    for f in FIELD.findall(template):
        if f not in values:
            values[f] = draw(f, r, values)
    return string.Template(template).safe_substitute(values)


PLACEHOLDER = re.compile(r"\{\{[A-Z0-9_]+(?::\d+)?\}\}")


def auto_keep(text):
    """The nineteenth collection's keeps read off the filled template: whole lines with no planted value, and the fixed
    stretches between planted values, stripped, when long enough to be checked alone."""
    out = []
    for line in text.split("\n"):
        if not PLACEHOLDER.search(line):
            if len(line.strip()) >= AUTO_LINE:
                out.append(line.strip())
            continue
        for part in PLACEHOLDER.split(line):
            if len(part.strip()) >= AUTO_STRETCH:
                out.append(part.strip())
    return out


def main():
    out = []
    keep_total = {"tune": 0, "heldout": 0}
    for fam in FAMILIES:
        split = "heldout" if int(hashlib.sha1(fam["family"].encode()).hexdigest(), 16) % HELD_OUT_MODULUS == 0 else "tune"
        for i in range(fam["variants"]):
            r = random.Random("%s/%d" % (fam["family"], i))
            template = fam["templates"][i % len(fam["templates"])]
            values = {}
            text = expand(template, r, values)
            keep = []
            for k in fam["keep"]:
                kv = expand(k, r, values)
                if len(kv) >= 3 and kv in text and kv not in keep:
                    keep.append(kv)
            for f, v in values.items():
                if keepable(base_of(f)) and len(v) >= MIN_KEEP and v in text and v not in keep:
                    keep.append(v)
            if AUTO_KEEP:
                for kv in auto_keep(text):
                    if kv not in keep:
                        keep.append(kv)
            # drop keeps that are part of another keep's literal only by accident of a short value: none here
            out.append({"id": "%s-%d" % (fam["family"], i + 1), "family": fam["family"], "source": fam["source"],
                        "split": split, "text": text, "keep": keep})
            keep_total[split] += len(keep)
    with open(OUT, "w") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=True) + "\n")
    lines = {s: sum(1 for o in out if o["split"] == s) for s in ("tune", "heldout")}
    fams = {s: len({o["family"] for o in out if o["split"] == s}) for s in ("tune", "heldout")}
    ph = re.compile(r"\{\{([A-Z0-9_]+)(?::\d+)?\}\}")
    secrets = {s: sum(len(set(m.group(0) for m in ph.finditer(o["text"]))) for o in out if o["split"] == s) for s in ("tune", "heldout")}
    names = sorted({m.group(1) for o in out for m in ph.finditer(o["text"])})
    print("lines", lines, "families", fams, "keep", keep_total, "secrets", secrets)
    print("placeholders", names)
    unknown = [o["id"] for o in out if re.search(r"\$\{[A-Za-z]", o["text"]) and "${PASSWORD" not in o["text"]]
    print("unexpanded ${...}:", unknown)


if __name__ == "__main__":
    main()
