import type { EffectKind } from '../model/index.js';

/**
 * Which packages are infrastructure, and of what kind. A call into one of these becomes an
 * effect of the calling symbol: the BaaS binding a carved function would need.
 * Keys are package names; a key ending in `/` matches every package under that scope.
 * Users extend or override it with `effects` in carve.config.json.
 */
export const DEFAULT_EFFECT_KINDS: Readonly<Record<string, EffectKind>> = {
  // SQL and document databases, ORMs
  pg: 'db', 'pg-promise': 'db', postgres: 'db', mysql: 'db', mysql2: 'db', 'better-sqlite3': 'db', sqlite3: 'db',
  typeorm: 'db', '@prisma/client': 'db', sequelize: 'db', 'sequelize-typescript': 'db', knex: 'db', kysely: 'db',
  'drizzle-orm': 'db', mongoose: 'db', mongodb: 'db', '@mikro-orm/': 'db', objection: 'db', tedious: 'db', mssql: 'db',
  // caches
  ioredis: 'cache', redis: 'cache', '@redis/': 'cache', memcached: 'cache', 'cache-manager': 'cache', '@upstash/redis': 'cache',
  // object storage
  'ali-oss': 'object-storage', '@aws-sdk/client-s3': 'object-storage', '@aws-sdk/s3-request-presigner': 'object-storage',
  '@google-cloud/storage': 'object-storage', minio: 'object-storage', '@azure/storage-blob': 'object-storage', 'cos-nodejs-sdk-v5': 'object-storage',
  // messaging
  kafkajs: 'queue', amqplib: 'queue', 'amqp-connection-manager': 'queue', bull: 'queue', bullmq: 'queue', '@aws-sdk/client-sqs': 'queue',
  '@aws-sdk/client-sns': 'queue', '@aws-sdk/client-eventbridge': 'queue', nats: 'queue', '@google-cloud/pubsub': 'queue',
  '@alicloud/mns': 'queue', 'ali-mns': 'queue', 'rocketmq-client-nodejs': 'queue', '@azure/service-bus': 'queue',
  // search
  '@elastic/elasticsearch': 'search', '@opensearch-project/opensearch': 'search', meilisearch: 'search', algoliasearch: 'search', typesense: 'search',
  // outbound HTTP
  axios: 'http', 'node-fetch': 'http', got: 'http', undici: 'http', superagent: 'http', ky: 'http', 'cross-fetch': 'http', fetch: 'http',
  // file system
  fs: 'fs', 'fs/promises': 'fs', 'fs-extra': 'fs',
};

export type EffectLookup = (packageName: string) => EffectKind | undefined;

export function createEffectLookup(overrides: Readonly<Record<string, EffectKind>> = {}): EffectLookup {
  const table: Record<string, EffectKind> = { ...DEFAULT_EFFECT_KINDS, ...overrides };
  const scopes = Object.keys(table).filter((key) => key.endsWith('/'));
  return (packageName) => {
    const exact = table[packageName];
    if (exact) return exact;
    const scope = scopes.find((prefix) => packageName.startsWith(prefix));
    return scope ? table[scope] : undefined;
  };
}
