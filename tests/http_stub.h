#pragma once

// A one-thread HTTP server on a loopback port that answers each connection with the next of
// a list of canned responses: for the answers a real Prometheus cannot be made to give on
// demand (503 then success, 401).

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace hpa::test {

class HttpStub
{
public:
    explicit HttpStub(std::vector<std::string> responses) : m_responses(std::move(responses))
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) ||
            ::listen(m_fd, 8) ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length))
            return;
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    HttpStub(const HttpStub &) = delete;
    HttpStub &operator=(const HttpStub &) = delete;
    ~HttpStub()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        if (m_fd >= 0)
            ::close(m_fd);
    }

    int port() const { return m_port; }
    int served() const { return m_served.load(); }
    /// The last request's text (headers and body), read after the client is done.
    std::string lastRequest() const { return m_lastRequest; }

    static std::string response(int status, const std::string &reason, const std::string &body,
                                const std::string &extraHeaders = {})
    {
        return "HTTP/1.1 " + std::to_string(status) + " " + reason +
               "\r\nContent-Type: application/json\r\nConnection: close\r\n" + extraHeaders +
               "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }

private:
    void serve()
    {
        for (const std::string &reply : m_responses) {
            int client = -1;
            while (!m_stop && client < 0) {
                pollfd p{m_fd, POLLIN, 0};
                if (::poll(&p, 1, 50) > 0)
                    client = ::accept(m_fd, nullptr, nullptr);
            }
            if (client < 0)
                return;
            std::string request;
            char buffer[4096];
            // Read the headers and as much body as Content-Length says.
            for (;;) {
                pollfd p{client, POLLIN, 0};
                if (::poll(&p, 1, 2000) <= 0)
                    break;
                const ssize_t n = ::read(client, buffer, sizeof(buffer));
                if (n <= 0)
                    break;
                request.append(buffer, static_cast<std::size_t>(n));
                const auto end = request.find("\r\n\r\n");
                if (end == std::string::npos)
                    continue;
                std::size_t length = 0;
                const auto cl = request.find("Content-Length: ");
                if (cl != std::string::npos && cl < end)
                    length = std::stoul(request.substr(cl + 16));
                if (request.size() >= end + 4 + length)
                    break;
            }
            m_lastRequest = request;
            std::size_t sent = 0;
            while (sent < reply.size()) {
                const ssize_t n = ::write(client, reply.data() + sent, reply.size() - sent);
                if (n <= 0)
                    break;
                sent += static_cast<std::size_t>(n);
            }
            ::close(client);
            ++m_served;
        }
    }

    std::vector<std::string> m_responses;
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_served{0};
    std::string m_lastRequest;
    std::thread m_thread;
};

} // namespace hpa::test
