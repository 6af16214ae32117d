#!/usr/bin/env bash
# Installs (if missing) and starts RabbitMQ (with the management plugin) and Redis on 127.0.0.1.
# Idempotent: services already answering are left alone. Used by .ci/run and by developers.
set -euo pipefail

STATE_DIR="${HETERO_SERVICES_DIR:-/tmp/hetero-services}"
NODE="hetero@localhost"

# python3 (standard library only) runs the flywheel's generated training scripts in --dry-run mode in the tests.
if ! command -v rabbitmq-server >/dev/null || ! command -v redis-server >/dev/null || ! command -v curl >/dev/null || ! command -v python3 >/dev/null; then
  echo "[services] installing rabbitmq-server, redis-server, curl and python3"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq rabbitmq-server redis-server curl python3 >/dev/null
fi

mkdir -p "$STATE_DIR"

# Redis: append-only file with fsync every second, loopback only.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "[services] starting redis on 127.0.0.1:6379"
  mkdir -p "$STATE_DIR/redis"
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --dir "$STATE_DIR/redis" \
    --appendonly yes --appendfsync everysec --logfile "$STATE_DIR/redis/redis.log"
fi
for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null

# RabbitMQ runs as the rabbitmq user: give it writable dirs.
rabbit_up() { curl -fsS -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null 2>&1; }
if rabbit_up; then
  echo "[services] rabbitmq already answering on 127.0.0.1:15672"
elif ! rabbitmqctl -n "$NODE" status >/dev/null 2>&1; then
  echo "[services] starting rabbitmq ($NODE) on 127.0.0.1:5672"
  mkdir -p "$STATE_DIR/rabbitmq/mnesia" "$STATE_DIR/rabbitmq/log"
  chown -R rabbitmq:rabbitmq "$STATE_DIR/rabbitmq"
  export RABBITMQ_NODENAME="$NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
         RABBITMQ_MNESIA_BASE="$STATE_DIR/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$STATE_DIR/rabbitmq/log"
  rabbitmq-plugins --offline enable rabbitmq_management >/dev/null
  setsid nohup rabbitmq-server >"$STATE_DIR/rabbitmq/stdout.log" 2>&1 < /dev/null &
fi
if ! rabbit_up; then
  for _ in $(seq 1 120); do rabbitmqctl -n "$NODE" ping >/dev/null 2>&1 && break; sleep 0.5; done
  timeout 120 rabbitmqctl -n "$NODE" await_startup >/dev/null
fi
for _ in $(seq 1 100); do rabbit_up && break; sleep 0.3; done
rabbit_up || { echo "[services] RabbitMQ management API did not come up on 127.0.0.1:15672" >&2; exit 1; }
echo "[services] rabbitmq and redis are up"
