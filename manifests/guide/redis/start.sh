#!/bin/sh
# Starts one Redis cluster node. A rescheduled pod gets a new IP, but
# /data/nodes.conf still names the old one for "myself": rewrite it first so
# the node announces where it really is, and its peers update their view.
set -eu
if [ -f /data/nodes.conf ]; then
  sed -i -e "/myself/ s/[0-9]\{1,3\}\.[0-9]\{1,3\}\.[0-9]\{1,3\}\.[0-9]\{1,3\}/${POD_IP}/" /data/nodes.conf
fi
exec redis-server /etc/redis/redis.conf --cluster-announce-ip "${POD_IP}"
