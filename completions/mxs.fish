# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mxs_global_optspecs
    string join \n H/hosts= u/user= p/password= password-stdin s/secure tls-ca-cert= tls-cert= tls-key= tls-verify-server-cert= server-utc-offset= t/timeout= max-response-size= c/config= o/output= json tsv header color= h/help V/version
end

function __fish_mxs_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mxs_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mxs_using_subcommand
    set -l cmd (__fish_mxs_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mxs -n "__fish_mxs_needs_command" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_needs_command" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_needs_command" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_needs_command" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_needs_command" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_needs_command" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_needs_command" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_needs_command" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_needs_command" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_needs_command" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_needs_command" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_needs_command" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_needs_command" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_needs_command" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_needs_command" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_needs_command" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_needs_command" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_needs_command" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_needs_command" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "sessions" -d 'Client sessions: list, show, summarise, watch, running queries, kill, restart, alter'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "completions" -d 'Print the completion script of a shell on stdout'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "top" -d 'The interactive session view: `mxs sessions watch` under a short name'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "generate" -d 'Generate shell completions or man pages'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "list" -d 'maxctrl\'s `list sessions` and `list queries`'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "show" -d 'maxctrl\'s `show session ID` and `show sessions`'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "destroy" -d 'maxctrl\'s `destroy session ID`'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "reload" -d 'maxctrl\'s `reload session ID` and `reload sessions`'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "alter" -d 'maxctrl\'s `alter session ID KEY=VALUE...` and `alter session-filters ID [FILTER...]`'
complete -c mxs -n "__fish_mxs_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "list" -d 'List sessions, one row each, sorted by id'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "ls" -d 'List sessions, one row each, sorted by id'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "show" -d 'Show everything about one or more sessions'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "summary" -d 'Count sessions, memory and idle time per group'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "watch" -d 'The session list refreshed in place: an interactive view on a terminal (also `mxs top`)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "queries" -d 'The statements running now, longest first (maxctrl\'s list queries)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "kill" -d 'Kill sessions: DELETE /v1/sessions/ID (MaxScale 22.08 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "restart" -d 'Restart sessions (new backend connections): POST /v1/sessions/ID/restart (22.08 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "alter" -d 'Change a session\'s log levels or filters: PATCH /v1/sessions/ID (6.0 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "log" -d 'What MaxScale logged about sessions, alive or ended (MaxScale 6.0 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and not __fish_seen_subcommand_from list ls show summary watch queries kill restart alter log help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s w -l where -d 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l sort -d 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l limit -d 'Print at most N sessions (after filtering and sorting)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l columns -d 'Table columns to print, in order (comma-separated)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l watch -d 'Refresh every INTERVAL until interrupted (same as `sessions watch`) [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l wide -d 'Print every column'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s w -l where -d 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l limit -d 'Print at most N sessions (after filtering and sorting)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l columns -d 'Table columns to print, in order (comma-separated)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l watch -d 'Refresh every INTERVAL until interrupted (same as `sessions watch`) [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l wide -d 'Print every column'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l all -d 'Show every session (GET /v1/sessions), as maxctrl\'s show sessions'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l log -d 'Add what MaxScale logged about each session (its last 20 lines; 6.0 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l by -d 'Group by these (comma-separated or repeated): user, host, service, backend, state, maxscale' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s w -l where -d 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l sort -d 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l limit -d 'Print at most N sessions (after filtering and sorting)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from summary" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l count -d 'Stop after N refreshes (default: until interrupted)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s w -l where -d 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l sort -d 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l limit -d 'Print at most N sessions (after filtering and sorting)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l columns -d 'Table columns to print, in order (comma-separated)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l wide -d 'Print every column'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l min-duration -d 'Only statements running at least this long: 5s, 2m, 1h' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s w -l where -d 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l sort -d 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l limit -d 'Print at most N sessions (after filtering and sorting)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l columns -d 'Table columns to print, in order [default: id,user,host,service,query_age,running]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l wide -d 'Print every column'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from queries" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l ttl -d 'Kill after this long instead of now: 30s, 5m, or whole seconds' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s w -l where -d 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l limit -d 'Act on at most N of the matched sessions (lowest ids first)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s y -l yes -d 'Do not ask before acting on a selection (needed off a terminal)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l dry-run -d 'Print what would be done and send no write request'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s w -l where -d 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l limit -d 'Act on at most N of the matched sessions (lowest ids first)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l all -d 'Restart every session of every host (POST /v1/sessions/restart), after confirmation'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s y -l yes -d 'Do not ask before acting on a selection (needed off a terminal)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l dry-run -d 'Print what would be done and send no write request'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l filters -d 'Set the session\'s filters (comma-separated names; empty removes them all)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s w -l where -d 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l limit -d 'Act on at most N of the matched sessions (lowest ids first)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s y -l yes -d 'Do not ask before acting on a selection (needed off a terminal)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l dry-run -d 'Print what would be done and send no write request'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from alter" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l since -d 'Only lines this recent: a duration back from now (30m, 2h) or a UTC time (2026-12-07 03:50, 2026-12-07T03:50:00Z) [default: the session\'s connection time when it is alive, else 1h]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l until -d 'Only lines up to this UTC time (2026-12-07 03:55)' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l priority -d 'Only these priorities (comma-separated): emerg, alert, crit, error, warning, notice, info, debug' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l lines -d 'Print at most the newest N lines of each host [default: 1000]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l interval -d 'With --follow: how often to read the newest lines [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l page-size -d 'Lines asked for per request (each costs MaxScale a read of its whole log file) [default: 1000]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s f -l follow -d 'Keep printing the sessions\' new lines as MaxScale writes them, until interrupted'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l until-closed -d 'With --follow: stop once every session has ended and its last lines are printed'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "list" -d 'List sessions, one row each, sorted by id'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show everything about one or more sessions'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "summary" -d 'Count sessions, memory and idle time per group'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "watch" -d 'The session list refreshed in place: an interactive view on a terminal (also `mxs top`)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "queries" -d 'The statements running now, longest first (maxctrl\'s list queries)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Kill sessions: DELETE /v1/sessions/ID (MaxScale 22.08 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Restart sessions (new backend connections): POST /v1/sessions/ID/restart (22.08 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "alter" -d 'Change a session\'s log levels or filters: PATCH /v1/sessions/ID (6.0 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "log" -d 'What MaxScale logged about sessions, alive or ended (MaxScale 6.0 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand completions" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand top" -l count -d 'Stop after N refreshes (default: until interrupted)' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand top" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -s w -l where -d 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -l sort -d 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -l limit -d 'Print at most N sessions (after filtering and sorting)' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -l columns -d 'Table columns to print, in order (comma-separated)' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand top" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand top" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand top" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand top" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand top" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand top" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand top" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand top" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand top" -l wide -d 'Print every column'
complete -c mxs -n "__fish_mxs_using_subcommand top" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand top" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand top" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand top" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand top" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand top" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "man" -d 'Write man pages (mxs.1 and one page per subcommand) into DIR'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l dir -d 'Write every shell\'s script into DIR instead (mxs.bash, _mxs, mxs.fish, mxs.elv, _mxs.ps1)' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from completions" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from man" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "completions" -d 'Print a shell completion script'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "man" -d 'Write man pages (mxs.1 and one page per subcommand) into DIR'
complete -c mxs -n "__fish_mxs_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -f -a "sessions" -d 'mxs sessions list'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -f -a "queries" -d 'mxs sessions queries'
complete -c mxs -n "__fish_mxs_using_subcommand list; and not __fish_seen_subcommand_from sessions queries help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s w -l where -d 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l sort -d 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l limit -d 'Print at most N sessions (after filtering and sorting)' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l columns -d 'Table columns to print, in order (comma-separated)' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l watch -d 'Refresh every INTERVAL until interrupted (same as `sessions watch`) [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l wide -d 'Print every column'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from sessions" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l min-duration -d 'Only statements running at least this long: 5s, 2m, 1h' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s w -l where -d 'Keep sessions matching COND (repeatable, ANDed): user=maxuser, idle>600, memory>=1MiB, service~RW' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l sort -d 'Sort by these columns (comma-separated or repeated; prefix - for descending) [default: id]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l limit -d 'Print at most N sessions (after filtering and sorting)' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l columns -d 'Table columns to print, in order [default: id,user,host,service,query_age,running]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l wide -d 'Print every column'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from queries" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "sessions" -d 'mxs sessions list'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "queries" -d 'mxs sessions queries'
complete -c mxs -n "__fish_mxs_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -f -a "session" -d 'mxs sessions show ID...'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -f -a "sessions" -d 'mxs sessions show --all'
complete -c mxs -n "__fish_mxs_using_subcommand show; and not __fish_seen_subcommand_from session sessions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l all -d 'Show every session (GET /v1/sessions), as maxctrl\'s show sessions'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l log -d 'Add what MaxScale logged about each session (its last 20 lines; 6.0 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from session" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l rdns -d 'Resolve client addresses to host names: client (default) or server' -r -f -a "client\t'On this machine, in parallel, with deadlines'
server\t'By MaxScale (rdns=true)'"
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l rdns-timeout -d 'Deadline of one lookup [default: 2s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l rdns-deadline -d 'Deadline of the whole resolution [default: 5s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l rdns-concurrency -d 'Lookups in flight at once [default: 64]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l no-rdns-cache -d 'Do not read or write the reverse-DNS cache file'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from sessions" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from help" -f -a "session" -d 'mxs sessions show ID...'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from help" -f -a "sessions" -d 'mxs sessions show --all'
complete -c mxs -n "__fish_mxs_using_subcommand show; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -f -a "session" -d 'mxs sessions kill ID... [--ttl SECONDS]'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and not __fish_seen_subcommand_from session help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l ttl -d 'Kill after this long instead of now: 30s, 5m, or whole seconds' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s w -l where -d 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l limit -d 'Act on at most N of the matched sessions (lowest ids first)' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s y -l yes -d 'Do not ask before acting on a selection (needed off a terminal)'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l dry-run -d 'Print what would be done and send no write request'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from session" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from help" -f -a "session" -d 'mxs sessions kill ID... [--ttl SECONDS]'
complete -c mxs -n "__fish_mxs_using_subcommand destroy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -f -a "session" -d 'mxs sessions restart ID...'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -f -a "sessions" -d 'mxs sessions restart --all (confirmed first, as in mxs; --yes in scripts)'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and not __fish_seen_subcommand_from session sessions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s w -l where -d 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l limit -d 'Act on at most N of the matched sessions (lowest ids first)' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l all -d 'Restart every session of every host (POST /v1/sessions/restart), after confirmation'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s y -l yes -d 'Do not ask before acting on a selection (needed off a terminal)'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l dry-run -d 'Print what would be done and send no write request'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from session" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s y -l yes -d 'Do not ask first (needed off a terminal)'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l dry-run -d 'Print what would be done and send no write request'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from sessions" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from help" -f -a "session" -d 'mxs sessions restart ID...'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from help" -f -a "sessions" -d 'mxs sessions restart --all (confirmed first, as in mxs; --yes in scripts)'
complete -c mxs -n "__fish_mxs_using_subcommand reload; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -f -a "session" -d 'mxs sessions alter ID KEY=VALUE...'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -f -a "session-filters" -d 'mxs sessions alter ID --filters NAMES (no names removes every filter)'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and not __fish_seen_subcommand_from session session-filters help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s w -l where -d 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l limit -d 'Act on at most N of the matched sessions (lowest ids first)' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s y -l yes -d 'Do not ask before acting on a selection (needed off a terminal)'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l dry-run -d 'Print what would be done and send no write request'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s w -l where -d 'Act on the sessions matching COND instead of ids (repeatable, ANDed; the --where of list)' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l limit -d 'Act on at most N of the matched sessions (lowest ids first)' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s H -l hosts -d 'Comma-separated admin API endpoints [default: 127.0.0.1:8989]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s u -l user -d 'Admin API user [default: admin]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s p -l password -d 'Admin API password [default: mariadb]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l tls-ca-cert -d 'CA certificate (PEM) to verify the server with, instead of the system\'s roots' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l tls-cert -d 'Client certificate (PEM) to present when the server asks for one' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l tls-key -d 'Private key (PEM) of --tls-cert' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l tls-verify-server-cert -d 'Verify the server\'s certificate [default: true]' -r -f -a "true\t''
false\t''"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l server-utc-offset -d 'The servers\' UTC offset, for the zoneless times of queries[]: +02:00, -05:00 [default: +00:00]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s t -l timeout -d 'Bound on each whole request: 500ms, 10s, 2m; a bare number is milliseconds [default: 10s]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l max-response-size -d 'Refuse a response larger than this: 512MiB, 1GiB, or bytes [default: 1GiB]' -r
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s c -l config -d 'Config file (maxctrl\'s INI format) [default: ~/.maxctrl.cnf when it exists]' -r -F
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s o -l output -d 'Output format [default: table, whether or not stdout is a terminal]' -r -f -a "table\t'Aligned, colored table for people'
json\t'The server\'s JSON:API document, lossless, with mxs\'s additions under "meta"'
jsonl\t'One resource object per line (JSON Lines)'
tsv\t'Tab-separated values with escaped tabs and newlines, for awk and cut'
ids\t'Session ids, one per line (ID@HOST with several hosts), for kill, restart and alter'"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l color -d 'When to use colors: auto (stdout is a terminal, NO_COLOR unset, TERM not dumb)' -r -f -a "auto\t'Color when stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb'
always\t'Always color tables'
never\t'Never color'"
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s y -l yes -d 'Do not ask before acting on a selection (needed off a terminal)'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l dry-run -d 'Print what would be done and send no write request'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l password-stdin -d 'Read the password from the first line of standard input'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s s -l secure -d 'Use HTTPS for endpoints given without a scheme'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l json -d 'Shorthand for --output json'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l tsv -d 'Shorthand for --output tsv'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -l header -d 'Print a header row in TSV output'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from session-filters" -s V -l version -d 'Print version'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from help" -f -a "session" -d 'mxs sessions alter ID KEY=VALUE...'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from help" -f -a "session-filters" -d 'mxs sessions alter ID --filters NAMES (no names removes every filter)'
complete -c mxs -n "__fish_mxs_using_subcommand alter; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "sessions" -d 'Client sessions: list, show, summarise, watch, running queries, kill, restart, alter'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "completions" -d 'Print the completion script of a shell on stdout'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "top" -d 'The interactive session view: `mxs sessions watch` under a short name'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "generate" -d 'Generate shell completions or man pages'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "list" -d 'maxctrl\'s `list sessions` and `list queries`'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "show" -d 'maxctrl\'s `show session ID` and `show sessions`'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "destroy" -d 'maxctrl\'s `destroy session ID`'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "reload" -d 'maxctrl\'s `reload session ID` and `reload sessions`'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "alter" -d 'maxctrl\'s `alter session ID KEY=VALUE...` and `alter session-filters ID [FILTER...]`'
complete -c mxs -n "__fish_mxs_using_subcommand help; and not __fish_seen_subcommand_from sessions completions top generate list show destroy reload alter help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "list" -d 'List sessions, one row each, sorted by id'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "show" -d 'Show everything about one or more sessions'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "summary" -d 'Count sessions, memory and idle time per group'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "watch" -d 'The session list refreshed in place: an interactive view on a terminal (also `mxs top`)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "queries" -d 'The statements running now, longest first (maxctrl\'s list queries)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "kill" -d 'Kill sessions: DELETE /v1/sessions/ID (MaxScale 22.08 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "restart" -d 'Restart sessions (new backend connections): POST /v1/sessions/ID/restart (22.08 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "alter" -d 'Change a session\'s log levels or filters: PATCH /v1/sessions/ID (6.0 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "log" -d 'What MaxScale logged about sessions, alive or ended (MaxScale 6.0 or later)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "completions" -d 'Print a shell completion script'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "man" -d 'Write man pages (mxs.1 and one page per subcommand) into DIR'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from list" -f -a "sessions" -d 'mxs sessions list'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from list" -f -a "queries" -d 'mxs sessions queries'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from show" -f -a "session" -d 'mxs sessions show ID...'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from show" -f -a "sessions" -d 'mxs sessions show --all'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from destroy" -f -a "session" -d 'mxs sessions kill ID... [--ttl SECONDS]'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from reload" -f -a "session" -d 'mxs sessions restart ID...'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from reload" -f -a "sessions" -d 'mxs sessions restart --all (confirmed first, as in mxs; --yes in scripts)'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from alter" -f -a "session" -d 'mxs sessions alter ID KEY=VALUE...'
complete -c mxs -n "__fish_mxs_using_subcommand help; and __fish_seen_subcommand_from alter" -f -a "session-filters" -d 'mxs sessions alter ID --filters NAMES (no names removes every filter)'
