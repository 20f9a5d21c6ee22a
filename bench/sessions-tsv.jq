# The curl | jq baseline of bench/run.sh: the same 13 columns as `mxs sessions list -o tsv`
# (id user remote remote_name port service state connected idle backends memory io_activity
# maxscale), in the server's order. Run as: jq -r --arg ep HOST:PORT -f sessions-tsv.jq
# remote_name is empty (no reverse DNS); connected and idle stay as the server prints them.
.data[]
| .attributes as $a
| [ .id,
    ($a.user // ""),
    ($a.remote // ""),
    "",
    ($a.port // ""),
    ([.relationships.services.data[]?.id] | join(",")),
    ($a.state // ""),
    ($a.connected // ""),
    ($a.idle // ""),
    ([$a.connections[]?.server] | join(",")),
    ($a.memory.total // ""),
    ($a.io_activity // ""),
    $ep ]
| @tsv
