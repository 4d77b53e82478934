# Shared by relais-backup and relais-restore: reads the same configuration as relais-start.
CONF=${RELAIS_CONF:-/etc/relais/relais.conf}
STATE=${RELAIS_STATE_DIR:-/var/lib/relais}

log() { echo "$(basename "$0"): $*" >&2; }
die() { log "ERREUR / ERROR: $*"; exit 1; }

load_env_file() {
    local file=$1 line key value
    [ -r "$file" ] || return 0
    while IFS= read -r line || [ -n "$line" ]; do
        line=${line%$'\r'}
        [[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
        [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
        key=${BASH_REMATCH[2]}
        value=${BASH_REMATCH[3]}
        value=${value%"${value##*[![:space:]]}"}
        if [[ $value =~ ^\"(.*)\"$ ]] || [[ $value =~ ^\'(.*)\'$ ]]; then
            value=${BASH_REMATCH[1]}
        fi
        # An empty value means "not configured": it neither overrides nor hides a later source
        # (secrets.env fills what relais.conf leaves empty).
        if [ -n "$value" ] && [ -z "${!key:-}" ]; then
            export "$key=$value"
        fi
    done < "$file"
}

# Sets PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD from RELAIS_DB_URL / _USERNAME / _PASSWORD.
load_database_settings() {
    load_env_file "$CONF"
    load_env_file "$STATE/secrets.env"
    [ -n "${RELAIS_DB_URL:-}" ] || die "RELAIS_DB_URL is not set"
    [[ $RELAIS_DB_URL =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+) ]] \
        || die "RELAIS_DB_URL must look like jdbc:postgresql://host:port/database (is: $RELAIS_DB_URL)"
    export PGHOST=${BASH_REMATCH[1]} PGPORT=${BASH_REMATCH[3]:-5432} PGDATABASE=${BASH_REMATCH[4]}
    export PGUSER=${RELAIS_DB_USERNAME:-relais} PGPASSWORD=${RELAIS_DB_PASSWORD:-}
}
