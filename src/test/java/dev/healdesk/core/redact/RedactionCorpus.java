package dev.healdesk.core.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The redaction corpus ({@code redaction/failure-output.jsonl}): failure output in the formats real tools print
 * (curl -v, psql, JDBC, Playwright, kubectl, the AWS CLI, CI logs...), each line with fake secrets planted as
 * {@code {{NAME}}} placeholders, filled here from a seeded RNG ({@link Fakes}), and the strings an operator needs
 * that must come through ({@code keep}). A fifth of the formats, chosen by a hash of the format's name before any
 * rule was tuned, is held out ({@code split: heldout}).
 */
final class RedactionCorpus {

    static final String RESOURCE = "/redaction/failure-output.jsonl";
    /**
     * The second collection, formats the first lacks (see {@code src/test/redaction-corpus/families2.py}), split the
     * same way before any rule ran on it.
     */
    static final String SECOND = "/redaction/failure-output-2.jsonl";
    /**
     * The third collection, formats neither earlier one has (see {@code src/test/redaction-corpus/families3.py}), split
     * the same way and committed before any rule ran on it.
     */
    static final String THIRD = "/redaction/failure-output-3.jsonl";
    /**
     * The fourth collection, formats none of the three earlier ones has (see {@code src/test/redaction-corpus/families4.py}),
     * split the same way and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String FOURTH = "/redaction/failure-output-4.jsonl";
    /**
     * The fifth collection, formats none of the four earlier ones has, weighted toward what a test run's failure output
     * carries (see {@code src/test/redaction-corpus/families5.py}); split the same way and committed before any rule ran
     * on it; no rule writer has seen it.
     */
    static final String FIFTH = "/redaction/failure-output-5.jsonl";
    /**
     * The sixth collection, formats none of the five earlier ones has, weighted toward what a failing test run and its CI
     * log carry in other languages' runners, CI systems, infra tools, database clients, brokers, mail and devtools (see
     * {@code src/test/redaction-corpus/families6.py}); a third of its families held out, split and committed before any
     * rule ran on it; no rule writer has seen it.
     */
    static final String SIXTH = "/redaction/failure-output-6.jsonl";
    /**
     * The seventh collection, formats none of the six earlier ones has, weighted toward what a FAILING TEST RUN prints and
     * drags in (JS/TS test tools, Node and Python HTTP clients, JVM HTTP logs, cloud CLIs, identity redirects, load and
     * report formats, mobile UI tests; see {@code src/test/redaction-corpus/families7.py}); a third of its families held
     * out, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String SEVENTH = "/redaction/failure-output-7.jsonl";
    /**
     * The eighth collection, formats none of the seven earlier ones has, weighted toward what a FAILING TEST RUN prints and
     * drags in across languages and tools (Go, Rust, .NET, PHP, Ruby, Elixir, Kotlin, Android, iOS test and log output;
     * IaC state and diffs, CI logs, package-manager credentials, brokers and data stores, SaaS SDK errors, network
     * transcripts, proxy and agent logs, shell history; see {@code src/test/redaction-corpus/families8.py}); a third of its
     * families held out, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String EIGHTH = "/redaction/failure-output-8.jsonl";
    /**
     * The ninth collection, formats none of the eight earlier ones has, weighted toward what a FAILING TEST RUN prints and
     * drags in (JVM, Python, JS and shell test tools and their reports, HTTP mocks and wire logs, ORM and database logs,
     * job queues, CI and deployment logs, config dumps and server logs, identity and network configs, credential stores,
     * fixtures with personal data of countries no earlier collection has; see {@code src/test/redaction-corpus/families9.py});
     * a third of its families held out, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String NINTH = "/redaction/failure-output-9.jsonl";
    /**
     * The tenth collection, formats none of the nine earlier ones has, weighted toward what a FAILING TEST RUN prints and
     * drags in (mobile, BDD, C++, Python, JS and JVM test tools and their mock verifications, HTTP mocks, error trackers
     * and telemetry, builds, scanners and signing tools, server and app configs, data validation, fixtures and migrations
     * with the personal data of countries no earlier collection has, their national numbers with valid check digits; see
     * {@code src/test/redaction-corpus/families10.py}); a third of its families held out, split and committed before any
     * rule ran on it; no rule writer has seen it.
     */
    static final String TENTH = "/redaction/failure-output-10.jsonl";
    /**
     * The eleventh collection, formats none of the ten earlier ones has, weighted toward what a FAILING TEST RUN of a web or
     * back-end application prints and drags in (load and unit test tools, HTTP recordings and mocks, HTTP clients and
     * servers, ORMs and data APIs, queues and workflow engines, app frameworks' error output, identity and payment SDKs,
     * builds, CI and deployment, cloud CLIs and secrets tooling, with the personal data of countries no earlier collection
     * has and national numbers with valid check digits; see {@code src/test/redaction-corpus/families11.py}); a third of
     * its families held out, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String ELEVENTH = "/redaction/failure-output-11.jsonl";
    /**
     * The twelfth collection, formats none of the eleven earlier ones has, weighted toward what a FAILING TEST RUN of a web,
     * back-end or mobile application prints and drags in (test runners of languages the earlier ones covered thinly, API,
     * contract and load tools, device and visual clouds, data tools and ORMs, jobs and queues, app frameworks' error output,
     * gateways and meshes, CI and automation, containers and local clusters, journald and Windows event logs, with the
     * personal data of countries no earlier collection has and national, tax and bank numbers with valid check digits;
     * see {@code src/test/redaction-corpus/families12.py}); a third of its families held out by hash, split and committed
     * before any rule ran on it; no rule writer has seen it.
     */
    static final String TWELFTH = "/redaction/failure-output-12.jsonl";
    /**
     * The thirteenth collection, the other way from the earlier ones: at least two thirds of its formats from the
     * MAINSTREAM tools a failing test run of a web, back-end or mobile application most often prints (Jest, Vitest, Mocha,
     * Playwright, Cypress, WebdriverIO, pytest, unittest, JUnit 5, Gradle, TestNG, go test, RSpec, Minitest, PHPUnit,
     * xUnit, NUnit; GitHub Actions, GitLab CI, Jenkins, CircleCI; Docker, Compose, kubectl, Helm, Terraform, the AWS CLI
     * and SDK, gcloud, az; Spring Boot, Django, FastAPI, Flask, Rails, Laravel, Express, NestJS, Next.js, ASP.NET Core,
     * nginx; PostgreSQL, MySQL, SQL Server, MongoDB, Redis, Kafka, RabbitMQ; Sentry, Datadog, OpenTelemetry; npm, pip,
     * Maven, Cargo, Bundler; Stripe, Twilio, SendGrid, Auth0, Okta, Firebase), each in a message shape no earlier
     * collection has, with the personal data of countries no earlier one has and national, tax and business numbers with
     * valid check digits ({@link ThirteenthIds}; see {@code src/test/redaction-corpus/families13.py}); a third of its
     * families held out by hash, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String THIRTEENTH = "/redaction/failure-output-13.jsonl";
    /**
     * The fourteenth collection, this stop's clean measure, written blind like the thirteenth: at least two thirds of its
     * formats from the MAINSTREAM tools a failing test run of a web, back-end or mobile application prints (Jest's JSON
     * results and inline snapshots, mochawesome, Cypress, Playwright, Django, Gradle, golang-migrate, RSpec, Laravel,
     * GitHub Actions service containers, GitLab CI services, CircleCI, kubectl, Terraform, the AWS SDKs, az, Firebase,
     * psql, MongoDB, Redis, Prisma, TypeORM, Knex, KafkaJS, New Relic, Log4j2, npm, Bundler, fastlane, the iOS simulator,
     * React Native, Flutter, Allure, pytest-html, PowerShell, Apache, go-resty, Reactor Netty, tenacity, Serverless,
     * Azure Functions, Heroku, Vercel, Apollo Server, ActionMailer, Django mail, Symfony, Flyway, Alembic), each in a
     * message shape none of the thirteen earlier collections has, and some of tools none has (Prism, Keploy, BackstopJS,
     * Hoppscotch, Testkube, Garden, ZAP, Trivy, Infisical); with the personal data of countries no earlier one has and tax
     * and business numbers with valid check digits ({@link FourteenthIds}; see {@code
     * src/test/redaction-corpus/families14.py}); a third of its families held out by hash, split and committed before any
     * rule ran on it; no rule writer has seen it.
     */
    static final String FOURTEENTH = "/redaction/failure-output-14.jsonl";
    /**
     * The fifteenth collection, this stop's clean measure, written blind like the fourteenth: at least 85% of its
     * formats from the MAINSTREAM tools a failing test run of a web, back-end or mobile application prints (Dart's
     * package:test, NUnit, Pest, ExUnit, go-cmp, XCTest, Swift Testing, Kotest, ScalaTest, cargo-nextest, JUnit 5,
     * FluentAssertions; Azure Pipelines, Bitbucket Pipelines, Drone, Argo CD, Jenkins, TeamCity, Buildkite; Pulumi, the
     * CDK, SAM, gcloud, Consul, Vault, Helm, Ansible, docker; SQL*Plus, Oracle's JDBC and python-oracledb, SqlClient,
     * sqlcmd, ClickHouse, Elasticsearch, the Cassandra driver, MySQL Connector/J, RabbitMQ, NATS, SQS, Pub/Sub, ioredis;
     * dd-trace, the OpenTelemetry collector, Grafana, Sentry; XCUITest, Detox, Appium, logcat, Android's instrumented
     * tests, xcodebuild; FastAPI, EF Core, Micronaut, Express, Rails, Next.js, Spring Boot, Quarkus, Phoenix, Flask), each
     * in a message shape none of the fourteen earlier collections has, and two of tools none has (Hurl, Venom); with the
     * personal data of countries no earlier one has and tax and business numbers with valid check digits
     * ({@link FifteenthIds}; see {@code src/test/redaction-corpus/families15.py}); a third of its families held out by
     * hash, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String FIFTEENTH = "/redaction/failure-output-15.jsonl";
    /**
     * The sixteenth collection, this stop's clean measure, written blind like the fifteenth: its formats from the
     * MAINSTREAM tools a failing test run of a web, back-end or mobile application prints, those the fifteen earlier
     * collections touch least (structured loggers: winston, bunyan, NLog, log4j2's JSON and ECS layouts, zap, slog,
     * Serilog, Monolog, pino under Fastify, Rails' tagged logger, structlog, logrus; test runners: Cucumber-JVM,
     * pytest-xdist, Minitest, Karma, Jasmine, Robot Framework, Behave, Spock, Mocha, Jest, gMock, PHPUnit, WebdriverIO;
     * HTTP: Retrofit, HAProxy, Envoy, axios, got, undici, Faraday, Guzzle, Nginx; data: SQLAlchemy, the Kafka Java client,
     * DynamoDB through boto3 and the AWS SDK v3, Firestore, Supabase, Dapper, StackExchange.Redis, Jedis, kafka-python,
     * Sarama, Hibernate, Sequelize, PyMongo; auth and SaaS SDKs: Auth0, mailgun.js, Shopify's libraries, jsforce, Okta,
     * Keycloak, Firebase Admin, Twilio; and the output of PostgreSQL, SQL Server, Hibernate Validator, Symfony, Laravel,
     * Django and Rails in German, French, Japanese, Polish, Spanish, Italian, Dutch and Portuguese), each in a message
     * shape none of the fifteen has; with the personal data of countries and territories no earlier one has and tax and
     * business numbers with valid check digits ({@link SixteenthIds}; see {@code src/test/redaction-corpus/families16.py});
     * a third of its families held out by hash, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String SIXTEENTH = "/redaction/failure-output-16.jsonl";
    /**
     * The seventeenth collection, this stop's clean measure, written blind like the sixteenth: its formats from the
     * MAINSTREAM tools a failing test run of a web, back-end or mobile application prints, those the sixteen earlier
     * collections touch least (language runtimes' object dumps in failures: Lombok's @ToString, Java and C# records,
     * Python dataclasses and pydantic, Go's %#v and %+v, Elixir's inspect of Ecto schemas, Ruby's Struct, Swift's dump(),
     * Dart's toString, PHP's print_r, Rust's {:#?}; assertion libraries' diffs: Jest's matchers, power-assert, Shouldly,
     * PHPUnit, Hamcrest, Truth, testify, Kotest, FluentAssertions; CI logs: GitHub Actions, GitLab CI, Jenkins, Buildkite,
     * Bitbucket Pipelines, Azure Pipelines; cloud CLIs and IaC: the AWS CLI's --debug, botocore, gcloud, az, Terraform,
     * Helm, the Serverless Framework, SAM; mobile and front-end tools: xcodebuild, fastlane, Appium, Android's
     * instrumentation, Flutter, Vite, webpack, NextAuth, Nitro, the Angular CLI, Storybook's test runner; brokers and
     * queues: pika, RabbitMQ's management API, NATS, SQS, Pub/Sub, Celery, Sidekiq, BullMQ, Resque, Azure Service Bus,
     * Kafka's CLI; and the output of PostgreSQL, MySQL, Hibernate Validator, Symfony, Django and Laravel in Turkish,
     * Russian, Chinese, Korean, Czech, Portuguese, Spanish and Italian), each in a message shape none of the sixteen has;
     * with the personal data of countries and territories no earlier one has and national and business numbers with
     * valid check digits ({@link SeventeenthIds}; see {@code src/test/redaction-corpus/families17.py}); a third of its
     * families held out by hash, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String SEVENTEENTH = "/redaction/failure-output-17.jsonl";
    /**
     * The eighteenth collection, this stop's clean measure, written blind like the seventeenth: its formats from the
     * MAINSTREAM tools a failing test run of a web, back-end or mobile application prints, those the seventeen earlier
     * collections touch least (HTTP clients' debug and wire logs: OkHttp's logging interceptor, Apache HttpClient 5's
     * header log, Python's http.client debuglevel, httpcore, httpx, aiohttp, axios' error.toJSON(), Go's net/http, .NET's
     * HttpClient logging, Faraday, Guzzle, Spring's WebClient and RestTemplate, undici's fetch, URLSession, Volley, REST
     * Assured, Karate, Newman, k6, Gatling, JMeter; end-to-end frameworks other than Playwright: Cypress, WebdriverIO,
     * Selenium, Selenide, Robot Framework, Cucumber, SpecFlow, TestCafe, Nightwatch, Puppeteer; ORMs and drivers logging
     * SQL with bound parameters: Hibernate's BasicBinder, EF Core, Prisma, GORM, ActiveRecord, Sequelize, Doctrine, Ecto;
     * database CLIs: psql, mongosh, sqlcmd, cqlsh, redis-cli; web frameworks' error pages, request logs and config dumps:
     * Django's technical 500, Rails, Laravel, Spring Boot's actuator, FastAPI, Flask's debugger, ASP.NET Core, Express,
     * Phoenix; containers: docker inspect, compose config, kubectl's last-applied annotation and events, Skaffold, Tilt;
     * and the output of PostgreSQL, MySQL, Django, Hibernate Validator and Laravel in Polish, Ukrainian, Indonesian,
     * Greek, German, French, Dutch, Japanese, Thai, Arabic, Vietnamese and Hebrew), each in a message shape none of the
     * seventeen has; with the personal data of countries and territories no earlier one has, big countries' phones in
     * shapes not planted yet and national and business numbers with valid check digits ({@link EighteenthIds}; see
     * {@code src/test/redaction-corpus/families18.py}); a third of its families held out by hash, split and committed
     * before any rule ran on it; no rule writer has seen it.
     */
    static final String EIGHTEENTH = "/redaction/failure-output-18.jsonl";
    /**
     * The nineteenth collection, this stop's clean measure, written blind like the eighteenth: its formats from the
     * MAINSTREAM tools a failing test run of a web, back-end or mobile application prints, those the eighteen earlier
     * collections touch least (unit-test runners' assertion output that prints source lines and call arguments: pytest's
     * assertion rewriting, fixture errors, locals and parametrize ids, Jest's code frames, call diffs and snapshots,
     * Vitest, Mocha, Jasmine on Karma, JUnit 5 and AssertJ, Spock's power asserts, TestNG's data providers, Go's testing
     * with testify, cargo test, xUnit, NUnit, MSTest, PHPUnit's data sets, RSpec's argument diffs, Minitest; CI/CD and
     * deploy logs that echo commands with short flags and tokens in URL paths: GitHub Actions, GitLab CI's triggers and
     * debug trace, CircleCI, Jenkins, Buildkite, Bitbucket Pipelines, Argo CD, Argo Workflows, Flux, Tekton, Ansible
     * -vvv, Terraform's plan and provider debug log, the aws, gcloud and az CLIs' debug output, helm, kubectl, sentry-cli,
     * notarytool, the Vercel CLI; mobile builds and tests: Fastlane's match and supply, Gradle's Android signing,
     * altool, Espresso, Flutter, React Native's Metro, Expo/EAS, Android instrumentation, Firebase Test Lab; queues and
     * workers: Celery, Sidekiq, BullMQ, RabbitMQ, Kafka's Java client, KafkaJS, confluent-kafka, Pub/Sub, SQS on Lambda,
     * Resque; and PostgreSQL, MySQL, Git, Django, Laravel, Spring and Hibernate Validator in Swedish, Romanian,
     * Hungarian, Hindi, Finnish, Danish, Norwegian, Croatian, Bulgarian, Catalan, Slovak, Malay, Persian and Bengali),
     * each in a message shape none of the eighteen has; with the personal data of countries and territories no earlier
     * one has, big countries' phones in shapes not planted yet and national numbers and VINs with valid check digits
     * ({@link NineteenthIds}; see {@code src/test/redaction-corpus/families19.py}); a third of its families held out by
     * hash, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String NINETEENTH = "/redaction/failure-output-19.jsonl";
    /**
     * The twentieth collection, this stop's clean measure, written blind like the nineteenth: its formats from the
     * MAINSTREAM tools a failing test run or a CI job of a web, back-end, data or mobile application prints, those the
     * nineteen earlier collections touch least (SDK and agent debug logs: OpenTelemetry's console exporter, the New Relic
     * and Elastic APM agents, LaunchDarkly, Unleash and Split clients, Segment, Amplitude and Mixpanel; identity providers
     * and auth flows as apps and tests log them: Auth0, Cognito, Firebase Auth, Supabase, Clerk, NextAuth, Spring
     * Security, Passport.js, Devise, django-allauth, MSAL, SAML toolkits, openid-client and Authlib; payment, mail and SMS
     * SDKs: stripe-mock, Braintree, Postmark, Mailchimp, Vonage, MessageBird; data pipelines and notebooks: Airflow, dbt,
     * PySpark, the Databricks CLI and SDK, the Snowflake, BigQuery and Redshift connectors, Great Expectations,
     * papermill, MLflow; infrastructure as code and configuration management: Pulumi, AWS CDK and SAM, the Serverless
     * Framework, Chef, Puppet, Salt, Packer; API gateways and proxies in debug: Kong, Envoy, Traefik, HAProxy; GraphQL,
     * gRPC and SOAP clients: Apollo, grpcurl, zeep, SoapUI; Windows and .NET tooling: Pester, MSBuild, .NET
     * configuration's debug view, winget, IIS's appcmd, PowerShell; credentials in the slots of auth-named calls and
     * commands: redis auth, paramiko and ldap3 connect, smtplib login, jwt.sign, set_credentials, OAuth fetch_token,
     * httpie --auth; and PostgreSQL, Git, Django, Laravel, Spring and MySQL in Greek, Hebrew, Thai, Indonesian,
     * Ukrainian, Vietnamese, Serbian, Lithuanian, Latvian, Estonian, Slovenian, Icelandic, Urdu, Tamil, Swahili and
     * Tagalog), each in a message shape none of the nineteen has; with big countries' phones in shapes not planted yet
     * and tax numbers with valid check digits ({@link TwentiethIds}; see {@code src/test/redaction-corpus/families20.py});
     * a third of its families held out by hash, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String TWENTIETH = "/redaction/failure-output-20.jsonl";
    /**
     * The twenty-first collection, this stop's clean measure, written blind like the twentieth: its formats from the
     * MAINSTREAM tools a failing test run or a CI job of a web, back-end, data or mobile application prints, those the
     * twenty earlier collections touch least, each in a message shape none of them has (HTTP clients' debug output:
     * OkHttp's logging interceptor, Axios errors' config, urllib3's retries, httpx and httpcore's trace, Excon, Typhoeus,
     * Guzzle, Refit, Spring's WebClient, curl --trace-ascii; ORMs and drivers: Prisma, Sequelize's CLI, TypeORM, Knex's
     * CLI, SQLAlchemy's echo, ActiveRecord, EF Core's tools, GORM, Diesel, node-postgres, pgx, DriverManager's log,
     * HikariCP; cache and queue clients: ioredis, Lettuce, Jedis, BullMQ, Celery, amqplib, kafkajs, kafka-go, librdkafka
     * and Confluent's .NET client; build and package tools in verbose mode: Gradle, Maven, npm, Yarn, pnpm, pip, Poetry,
     * Cargo, go, Bazel, sbt; container and cluster tooling: Helm, kubectl -v=8, Skaffold, Tilt, docker compose config,
     * BuildKit; cloud CLIs: the AWS CLI's debug, az, gcloud, doctl, flyctl, Vercel, Netlify, Heroku, firebase-tools;
     * browser test runners: Cypress, WebdriverIO, Selenium Manager and Grid, Puppeteer, TestCafe, Nightwatch; output
     * full of strings that look like secrets and are not: GitHub Actions' debug, Symfony's env-var table, Spring's
     * actuator, docker login's usage, gpg and jarsigner, git's credential trace, ChromeDriver's versions, the .NET SDK,
     * Terraform's sensitive plan, Ansible's no_log; and Django, Laravel, Rails, Symfony, Spring and PostgreSQL in
     * Armenian, Georgian, Azerbaijani, Kazakh, Welsh, Basque, Galician, Afrikaans, Albanian, Macedonian, Khmer and
     * Telugu); with big countries' phones in shapes not planted yet and business numbers with valid check digits
     * ({@link TwentyFirstIds}; see {@code src/test/redaction-corpus/families21.py}); a third of its families held out by
     * hash, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String TWENTY_FIRST = "/redaction/failure-output-21.jsonl";
    /**
     * The twenty-second collection, this stop's clean measure, written blind like the twenty-first: its formats from the
     * MAINSTREAM tools a failing test run or a CI job of a web, back-end, data or mobile application prints, those the
     * twenty-one earlier collections touch least, each in a message shape none of them has (test frameworks' own failure
     * output with the secret inside the assertion or diff: pytest, Jest, Vitest, RSpec, PHPUnit, Go's testing and
     * testify, Rust's assert_eq!, Kotest, AssertJ, Hamcrest, NUnit, xUnit, ExUnit, XCTest, Mocha and Chai, Minitest;
     * framework error pages and debug dumps: Rails, Django's technical 500, Laravel's Ignition, Phoenix, Next.js, Nuxt,
     * Remix and SvelteKit, Fastify, NestJS, Spring Boot's whitelabel page and env, ASP.NET Core's developer exception
     * page, Werkzeug, Symfony; observability: Sentry events, New Relic's agent, Alertmanager, Grafana alerting, Elastic's
     * ECS lines, Honeycomb's exporter; CI systems' own logs: GitLab, Jenkins, CircleCI, Buildkite, Azure Pipelines,
     * Bitbucket Pipelines, Drone and Woodpecker, GitHub Actions; mobile and desktop builds: Gradle's Android signing,
     * fastlane, xcodebuild, Flutter, Metro, electron-builder, EAS; secrets managers and config tools on error: Vault,
     * SOPS, Doppler, the 1Password CLI, chamber, dotenv, AWS Secrets Manager; output full of strings that look like
     * secrets and are not: psql's and mysqldump's usage, Helm templates, the .NET test host, gh's usage, git describe,
     * Maven's settings; and Django, Laravel, Rails, Spring, PostgreSQL, Symfony, Express and NestJS in Gujarati, Punjabi,
     * Kannada, Malayalam, Sinhala, Lao, Burmese, Amharic, Irish, Maltese, Malay and Zulu); with big countries' city
     * numbers in shapes not planted yet and tax numbers with valid check digits ({@link TwentySecondIds}; see
     * {@code src/test/redaction-corpus/families22.py}); a third of its families held out by hash, split and committed
     * before any rule ran on it; no rule writer has seen it.
     */
    static final String TWENTY_SECOND = "/redaction/failure-output-22.jsonl";
    /**
     * The twenty-third collection, this stop's clean measure, written blind like the twenty-second: its formats from the
     * MAINSTREAM tools a failing test run or a CI job of a web, back-end, data or mobile application prints, those the
     * twenty-two earlier collections touch least, each in a message shape none of them has (ORMs and database drivers on
     * error: Prisma, Sequelize, SQLAlchemy, HikariCP, Hibernate, ActiveRecord, GORM, Ecto, Diesel, Entity Framework
     * Core, node-postgres, mysql2, the MongoDB driver and Mongoose, Knex, TypeORM, ioredis, SqlClient; brokers and job
     * queues: confluent-kafka-go, NATS, SQS through botocore, Pub/Sub over gRPC, Celery, BullMQ, Resque, Oban;
     * infrastructure as code: Terraform's TF_LOG, Pulumi, CloudFormation, CDK, the Serverless Framework; package
     * managers: Poetry, cargo, Composer, Bundler, NuGet, Gradle, conda, npm; hosting: Lambda, Vercel, Netlify,
     * Firebase, Heroku, Fly.io, Render; HTTP clients' debug dumps: axios, OkHttp, Faraday, Guzzle, .NET's HttpClient,
     * Go's httputil, http.client; SMTP debug: nodemailer, PHPMailer; LDAP and Kerberos: Spring LDAP, JAAS; browser
     * automation: Selenium, WebdriverIO, Puppeteer; database CLIs: sqlcmd, influx, consul; Spring Boot's bind failure;
     * output full of strings that look like secrets and are not; CRM and commerce APIs' validation errors; and output
     * localised in Icelandic, Estonian, Latvian, Lithuanian, Slovenian, Esperanto, Scottish Gaelic, Luxembourgish,
     * Odia, Kyrgyz, Persian and Nepali); with big cities' landlines in shapes not planted yet and tax numbers with valid
     * check digits ({@link TwentyThirdIds}; see {@code src/test/redaction-corpus/families23.py}); a third of its families
     * held out by hash, split and committed before any rule ran on it; no rule writer has seen it.
     */
    static final String TWENTY_THIRD = "/redaction/failure-output-23.jsonl";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z0-9_]+)(?::\\d+)?\\}\\}");

    /** One line, filled: the text, what was planted in it, and what must stay. */
    record Case(String id, String split, String text, List<Fakes.Fake> planted, List<String> keep) {
    }

    /** What one rule set did to one split. */
    record Figures(String split, int lines, int secrets, int leaked, int keep, int kept, List<String> failures) {
        double keptShare() {
            return keep == 0 ? 1 : (double) kept / keep;
        }

        @Override
        public String toString() {
            return String.format("%s: %d lines, %d secrets planted, %d leaked; %d must-keep strings, %d kept (%.4f)",
                    split, lines, secrets, leaked, keep, kept, keptShare());
        }
    }

    private RedactionCorpus() {
    }

    static List<Case> load(long seed) throws IOException {
        return load(RESOURCE, seed);
    }

    /** One collection of the corpus ({@link #RESOURCE}, or {@link #SECOND} gathered later), filled from {@code seed}. */
    static List<Case> load(String resource, long seed) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = RedactionCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                String id = n.get("id").asText();
                Fakes fakes = new Fakes(seed ^ id.hashCode());
                Map<String, Fakes.Fake> filled = new LinkedHashMap<>();
                Matcher m = PLACEHOLDER.matcher(n.get("text").asText());
                StringBuilder text = new StringBuilder();
                while (m.find()) {
                    Fakes.Fake f = filled.computeIfAbsent(m.group(), k -> fakes.make(m.group(1)));
                    m.appendReplacement(text, Matcher.quoteReplacement(f.value()));
                }
                m.appendTail(text);
                List<String> keep = new ArrayList<>();
                n.get("keep").forEach(k -> keep.add(k.asText()));
                cases.add(new Case(id, n.get("split").asText(), text.toString(), List.copyOf(filled.values()), keep));
            }
        }
        return cases;
    }

    /**
     * Runs {@code redact} over the lines of {@code split}. A planted value leaks when a piece of its random part
     * comes through (ten characters of a secret, eight of personal data, or all of a shorter one), so a value cut
     * short counts as leaked; {@code personal} says whether personal data is counted at all.
     */
    static Figures measure(List<Case> cases, String split, UnaryOperator<String> redact, boolean personal) {
        int lines = 0;
        int secrets = 0;
        int leaked = 0;
        int keep = 0;
        int kept = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            if (!c.split().equals(split)) {
                continue;
            }
            lines++;
            String out = redact.apply(c.text());
            for (Fakes.Fake f : c.planted()) {
                if (f.personal() && !personal) {
                    continue;
                }
                secrets++;
                if (leaks(f, out)) {
                    leaked++;
                    failures.add(c.id() + " leaks " + f.value() + "\n  in: " + out);
                }
            }
            for (String k : c.keep()) {
                keep++;
                if (out.contains(k)) {
                    kept++;
                } else {
                    failures.add(c.id() + " loses \"" + k + "\"\n  in: " + out);
                }
            }
        }
        return new Figures(split, lines, secrets, leaked, keep, kept, failures);
    }

    static boolean leaks(Fakes.Fake f, String out) {
        String core = f.core();
        int window = Math.min(core.length(), f.personal() ? 8 : 10);
        for (int i = 0; i + window <= core.length(); i++) {
            if (out.contains(core.substring(i, i + window))) {
                return true;
            }
        }
        return false;
    }
}
