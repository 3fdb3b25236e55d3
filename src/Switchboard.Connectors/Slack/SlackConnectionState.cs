namespace Switchboard.Connectors.Slack;

/// <summary>What the Socket Mode loop last saw, for the readiness check: a receiver that silently stopped must not look healthy.</summary>
internal sealed class SlackConnectionState
{
    private volatile string _status = "not connected yet";
    private volatile bool _connected;
    private volatile bool _stopped;

    public bool Connected => _connected;

    public bool Stopped => _stopped;

    public string Status => _status;

    public void OnHello()
    {
        _connected = true;
        _status = "connected";
    }

    public void OnDisconnected(string why)
    {
        _connected = false;
        _status = "reconnecting: " + why;
    }

    public void OnStopped(string why)
    {
        _connected = false;
        _stopped = true;
        _status = "stopped: " + why;
    }
}
