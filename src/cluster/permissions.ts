import type { CallFact, CandidateEffect } from '../model/index.js';
import { sortedUnique } from '../util/index.js';

/** Calls that only carry another call or manage the client: they say nothing about access. */
const NEUTRAL = /^(send|then|catch|finally|on|once|off|connect|disconnect|quit|end|close|pipe|promise|use|bind|duplicate|multi|pipeline)$/i;
const READ = /^(get|find|select|list|head|exists|fetch|read|search|count|download|mget|hget|hgetall|hmget|keys|scan|ttl|receive|consume|subscribe|aggregate|lrange|smembers|zrange|sismember|load|msearch|stat|presigned?get|signatureurl|createreadstream)/i;
const WRITE = /^(set|put|insert|update|delete|del|remove|create|save|upsert|write|upload|publish|send|push|incr|decr|increment|decrement|expire|hset|hdel|lpush|rpush|sadd|srem|zadd|add|enqueue|destroy|truncate|drop|copy|append|emit|produce|mset|index|bulk|presigned?put|createwritestream|unlink|rename|mkdir|rm|restore|bulkcreate|createmany|deletemany|updatemany)/i;

/** The access a package member name implies: a verb prefix, `GetObjectCommand` style commands included. */
export function accessOf(member: string | undefined): 'read' | 'write' | 'neutral' | 'unknown' {
  if (!member) return 'neutral'; // `new Client()`, a bare call: creating a client needs no grant by itself
  const name = member.replace(/^\$/, '');
  if (NEUTRAL.test(name)) return 'neutral';
  if (READ.test(name)) return 'read';
  if (WRITE.test(name)) return 'write';
  return 'unknown';
}

/**
 * The least-privilege grants a candidate's effects need, as `<kind>:<access>`: `http:outbound`
 * for outbound HTTP, else `read` and/or `write` from the members its code calls on the package
 * (`GetObjectCommand` → read, `putObject` → write). When no call says which (only `query`,
 * `send`, constructors), both are listed: unknown access is granted, not guessed away.
 */
export function permissionsOf(effects: readonly CandidateEffect[], calls: readonly CallFact[]): string[] {
  const grants: string[] = [];
  for (const effect of effects) {
    if (effect.kind === 'http') {
      grants.push('http:outbound');
      continue;
    }
    const via = new Set(effect.via);
    const accesses = new Set(calls.filter((call) => via.has(call.from) && call.to === `pkg:${effect.package}`).map((call) => accessOf(call.member)));
    const known = ['read', 'write'].filter((access) => accesses.has(access as 'read'));
    for (const access of known.length && !accesses.has('unknown') ? known : ['read', 'write']) grants.push(`${effect.kind}:${access}`);
  }
  return sortedUnique(grants);
}
