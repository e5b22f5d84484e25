#!/bin/sh
# Runs Debian's protoc (package protobuf-compiler).
exec /usr/bin/protoc "$@"
