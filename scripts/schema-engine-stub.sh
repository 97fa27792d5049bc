#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded offline.
# It fails on purpose: a stub that succeeded would let `prisma migrate deploy` pretend to work.
echo "kopdar: Prisma's native schema engine is not installed; migrations are applied by 'npm run kopdar -- db migrate'." >&2
exit 1
